import * as l10n from '@vscode/l10n';
import { getNode, nodeSpan } from '../../core/ast';
import { templateSpans, touchesTemplate } from '../../core/templates';
import type { MeshResource, MeshRule, MeshRuleContext } from '../types';

/** The webhook's words when a second control plane is created in a namespace. */
const WEBHOOK_MESSAGE = 'only one service mesh may be installed per project/namespace';

/**
 * Two differently named ServiceMeshControlPlanes in one namespace of files in
 * one folder: the operator's webhook refuses the second. The same name in
 * several files is one resource (an overlay, a copy per environment), not a
 * conflict; control planes in different folders may be different clusters. A
 * control plane whose name or namespace is missing or templated is in an
 * unknown place and never counts.
 */
export const smcpNamespaceConflict: MeshRule = {
  meta: {
    id: 'smcp-namespace-conflict',
    category: 'invalid',
    severity: 'error',
    appliesTo: { groups: ['maistra.io'], kinds: ['ServiceMeshControlPlane'] },
    fixable: false,
    summary: 'Two differently named control planes in one namespace; the operator allows one mesh per namespace.',
  },
  checkMesh(context: MeshRuleContext) {
    // Keyed by folder and namespace: a repository often holds several clusters, one folder each
    // (overlays/dev, overlays/prod), and nothing says two folders are one cluster.
    const byNamespace = new Map<string, { namespace: string; names: Map<string, MeshResource[]> }>();
    for (const plane of context.model.ofKind('maistra.io', 'ServiceMeshControlPlane')) {
      const place = knownPlace(plane);
      if (!place) continue;
      const key = `${folderOf(plane.uri)}\n${place.namespace}`;
      let group = byNamespace.get(key);
      if (!group) byNamespace.set(key, (group = { namespace: place.namespace, names: new Map() }));
      group.names.set(place.name, [...(group.names.get(place.name) ?? []), plane]);
    }
    for (const { namespace, names } of byNamespace.values()) {
      if (names.size < 2) continue;
      for (const [name, planes] of names) {
        const others = [...names].filter(([other]) => other !== name).flatMap(([other, copies]) => copies.map((copy) => ({ other, copy })));
        for (const plane of planes) {
          const span = nameSpan(plane);
          if (!span) continue;
          context.report(plane, {
            span,
            message: l10n.t(
              'Control plane `{0}` shares namespace `{1}` with {2}; the operator allows one mesh per namespace ("{3}"). Move one of them to its own namespace.',
              name,
              namespace,
              [...names.keys()].filter((n) => n !== name).map((n) => `\`${n}\``).join(', '),
              WEBHOOK_MESSAGE,
            ),
            related: others.flatMap(({ other, copy }) => {
              const otherSpan = nameSpan(copy);
              return otherSpan ? [{ uri: copy.uri, section: copy.section.index, span: otherSpan, message: l10n.t('Control plane `{0}` in the same namespace', other) }] : [];
            }),
          });
        }
      }
    }
  },
};

/** Name and namespace, when the file says both plainly. */
function knownPlace(plane: MeshResource): { name: string; namespace: string } | undefined {
  const { name, namespace } = plane.resource;
  if (!name || !namespace) return undefined;
  const templates = templateSpans(plane.section.parsed.text);
  if (templates.length > 0) {
    const spans = [nameSpan(plane), nodeSpan(getNode(plane.resource.root, ['metadata', 'namespace']))];
    if (spans.some((span) => !span || touchesTemplate(span, templates))) return undefined;
  }
  return { name, namespace };
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

function nameSpan(plane: MeshResource): [number, number] | undefined {
  return nodeSpan(getNode(plane.resource.root, ['metadata', 'name']));
}
