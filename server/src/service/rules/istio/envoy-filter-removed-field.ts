import { asMap, findPair, getNode, keySpan } from '../../core/ast';
import { SCHEMA_CODES } from '../../schemas/validate';
import type { Rule, RuleContext } from '../types';
import { ENVOY_FILTER_SCOPE } from './support/envoy-filter-scope';
import * as l10n from '@vscode/l10n';

/** Fields of the pre-Istio-1.2 EnvoyFilter API and what replaced them. */
const REMOVED: Record<string, string> = {
  workloadLabels: '`workloadSelector.labels`',
  get filters() {
    return l10n.t('`configPatches` (each entry an `applyTo`, a `match` and a `patch`)');
  },
};

export const envoyFilterRemovedField: Rule = {
  meta: {
    id: 'envoy-filter-removed-field',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: ENVOY_FILTER_SCOPE,
    versions: { removedIn: 'v2.0' },
    fixable: false,
    deprecated: true,
    summary: 'EnvoyFilter `workloadLabels` and `filters`, removed with the old EnvoyFilter API.',
  },

  check(context: RuleContext) {
    const spec = asMap(getNode(context.resource.root, ['spec']));
    for (const [field, replacement] of Object.entries(REMOVED)) {
      const pair = findPair(spec, field);
      const span = pair ? keySpan(pair) : undefined;
      if (!span) continue;
      context.report({
        span,
        message: l10n.t('`spec.{0}` belongs to the EnvoyFilter API that Istio replaced in 1.2; no OpenShift Service Mesh 2.x control plane applies it. Use {1}.', field, replacement),
        supersedes: [SCHEMA_CODES.unknownField],
      });
    }
  },
};
