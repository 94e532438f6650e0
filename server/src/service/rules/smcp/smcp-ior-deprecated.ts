import * as l10n from '@vscode/l10n';
import { getNode, nodeSpan, scalarValue } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';

export const smcpIorDeprecated: Rule = {
  meta: {
    id: 'smcp-ior-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    versions: { deprecatedIn: 'v2.4' },
    gate: { from: 'deprecatedIn' },
    fixable: false,
    deprecated: true,
    summary: 'Istio OpenShift Routing (`spec.gateways.openshiftRoute.enabled: true`) is deprecated since v2.4.',
  },
  check(context) {
    const node = getNode(context.resource.root, ['spec', 'gateways', 'openshiftRoute', 'enabled']);
    const span = nodeSpan(node);
    if (scalarValue(node) !== true || !span) return;
    context.report({
      span,
      message:
        l10n.t('Istio OpenShift Routing (IOR), which creates a Route for every Gateway host, is deprecated since v2.4, off for new control planes from v2.5 and absent from OSSM 3. Create the Routes you need yourself (or use a LoadBalancer Service) and set `openshiftRoute.enabled: false`.'),
    });
  },
};
