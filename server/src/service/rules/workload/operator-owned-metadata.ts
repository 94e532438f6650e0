import { keySpan, nodeSpan, scalarText } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { removeEntryFix } from './support/entry-edits';
import { allMetadataEntries, entryRef, locateEntry, MetadataEntry } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

/** Prefixes of labels and annotations the operator and the add-ons it manages put on their own resources. */
const OWNED_PREFIXES = ['maistra.io/', 'kiali.io/', 'jaegertracing.io/', 'logging.openshift.io/'];
const MANAGED_BY = 'app.kubernetes.io/managed-by';
const OPERATOR_NAME = 'maistra-istio-operator';

/**
 * Keys users are documented to set themselves (listed in
 * docs/rules/operator-owned-metadata.md; keep both in step).
 */
const USER_KEYS: readonly { key: string; field: 'labels' | 'annotations'; where: (entry: MetadataEntry, kind: string | undefined) => boolean }[] = [
  // Selects pods the operator's "istio-expose-route" NetworkPolicy lets the router reach.
  { key: 'maistra.io/expose-route', field: 'labels', where: (entry, kind) => entry.location.isPod || hasPods(kind) },
  // Keeps a namespace out of a 2.x control plane's injection while it moves to OpenShift Service Mesh 3.
  { key: 'maistra.io/ignore-namespace', field: 'labels', where: (_entry, kind) => kind === 'Namespace' },
  // Names the Kiali custom dashboards to show for a workload.
  { key: 'kiali.io/dashboards', field: 'annotations', where: (entry, kind) => entry.location.isPod || hasPods(kind) },
];

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'DeploymentConfig']);

function hasPods(kind: string | undefined): boolean {
  return WORKLOAD_KINDS.has(kind ?? '');
}

export const operatorOwnedMetadata: Rule = {
  meta: {
    id: 'operator-owned-metadata',
    category: 'upgrade-blocker',
    severity: 'warning',
    appliesTo: {},
    versions: { since: 'v2.1' },
    fixable: true,
    summary: 'Labels and annotations that make the Service Mesh operator treat a user resource as its own (and change or delete it on upgrade).',
  },
  check(context: RuleContext) {
    const kind = context.resource.kind;
    for (const entry of allMetadataEntries(context.resource)) {
      const owned = ownedBy(entry);
      if (!owned) continue;
      if (USER_KEYS.some((u) => u.key === entry.key && u.field === entry.field && u.where(entry, kind))) continue;
      const key = keySpan(entry.pair);
      if (!key) continue;
      const span: [number, number] = owned === 'managed-by' ? [key[0], nodeSpan(entry.pair.value)?.[1] ?? key[1]] : key;
      const noun = entry.field === 'labels' ? 'label' : 'annotation';
      const what = owned === 'managed-by' ? `\`${MANAGED_BY}: ${OPERATOR_NAME}\`` : `the \`${entry.key}\` ${noun}`;
      context.report({
        span,
        message: l10n.t('With {0}, the Service Mesh operator treats this {1} as one of its own: it may change, replace or delete it during an upgrade (from v2.1, in every namespace). Remove it from resources you manage yourself.', what, kind ?? 'resource'),
        data: entryRef(entry),
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    // The operator's own manifests legitimately carry these, so this is never part of fix-all.
    return removeEntryFix(context.section, locateEntry(context.resource.root, context.data), l10n.t('Remove {0}', String(context.data?.key)), false);
  },
};

function ownedBy(entry: MetadataEntry): 'prefix' | 'managed-by' | undefined {
  if (entry.field === 'labels' && entry.key === MANAGED_BY) return scalarText(entry.pair.value) === OPERATOR_NAME ? 'managed-by' : undefined;
  return OWNED_PREFIXES.some((p) => entry.key.startsWith(p)) ? 'prefix' : undefined;
}
