import * as l10n from '@vscode/l10n';
import { keySpan } from '../../core/ast';
import { metadataLocations, ResourceIdentity } from '../../core/resources';
import type { Rule, RuleContext } from '../types';
import { ANNOTATIONS, availability } from './support/annotation-registry';
import { MetadataEntry, metadataEntries } from './support/metadata-entries';

/**
 * Groups whose kinds we can name with confidence. A kind from another group
 * (a CRD that happens to be called Service, say) is left alone.
 */
const KNOWN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'apps.openshift.io',
  'networking.k8s.io',
  'extensions',
  'gateway.networking.k8s.io',
  'networking.istio.io',
  'security.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
]);

export const annotationWrongKind: Rule = {
  meta: {
    id: 'annotation-wrong-kind',
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'An Istio annotation on a kind it does not act on (a pod annotation on a Service or on a Deployment\'s own metadata).',
  },
  check(context: RuleContext) {
    if (!KNOWN_GROUPS.has(context.resource.group ?? '')) return;
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      const known = ANNOTATIONS.get(entry.key);
      const resources = known?.resources;
      const span = keySpan(entry.pair);
      if (!known || !resources || resources.length === 0 || !span) continue;
      if (availability(known, context.target).state !== 'known') continue;
      if (actsHere(resources, entry, context.resource)) continue;
      context.report({ span, message: message(entry, resources, context.resource) });
    }
  },
};

function actsHere(resources: readonly string[], entry: MetadataEntry, resource: ResourceIdentity): boolean {
  if (resources.includes('Any')) return true;
  if (entry.location.isPod) return resources.includes('Pod');
  return resources.includes(resource.kind ?? '');
}

function message(entry: MetadataEntry, resources: readonly string[], resource: ResourceIdentity): string {
  const kind = resource.kind ?? 'resource';
  const where = entry.location.isPod && kind !== 'Pod' ? l10n.t('the pod template of a {0}', kind) : `a ${kind}`;
  const hasTemplate = !entry.location.isPod && resources.includes('Pod') && entry.location.path.length === 1 && kind !== 'Pod';
  if (hasTemplate && hasPodTemplate(resource)) {
    return l10n.t('`{0}` acts on pods; on the {1}\'s own metadata it does nothing. Move it to the pod template\'s annotations.', entry.key, kind);
  }
  return l10n.t('`{0}` acts on {1}; on {2} it does nothing.', entry.key, list(resources), where);
}

function hasPodTemplate(resource: ResourceIdentity): boolean {
  return metadataLocations(resource).some((l) => l.isPod && l.path.length > 1);
}

function list(resources: readonly string[]): string {
  const names = resources.map((r) => (r === 'Pod' ? 'pods' : r.endsWith('s') ? `${r}es` : `${r}s`));
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
