import * as l10n from '@vscode/l10n';
import { getNode, getPair, keySpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';

export const smcpDiscoverySelectorsMode: Rule = {
  meta: {
    id: 'smcp-discovery-selectors-mode',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.4' },
    fixable: false,
    summary: '`spec.meshConfig.discoverySelectors` is accepted only with `spec.mode: ClusterWide`.',
  },
  check(context) {
    const pair = getPair(context.resource.root, ['spec', 'meshConfig', 'discoverySelectors']);
    const span = pair && keySpan(pair);
    if (!span) return;
    const mode = scalarText(getNode(context.resource.root, ['spec', 'mode']));
    if (mode === 'ClusterWide') return;
    context.report({
      span,
      message:
        l10n.t('Discovery selectors narrow a cluster-wide control plane, but `spec.mode` is {0}; the webhook refuses it ("spec.meshConfig.discoverySelectors may only be used when spec.mode is ClusterWide"). Set `spec.mode: ClusterWide` or remove the selectors (a multi-tenant mesh takes its namespaces from the ServiceMeshMemberRoll).', mode ? `\`${mode}\`` : 'unset (MultiTenant)'),
    });
  },
};
