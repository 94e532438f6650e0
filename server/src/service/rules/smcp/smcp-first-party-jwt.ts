import * as l10n from '@vscode/l10n';
import { getNode, nodeSpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';

export const smcpFirstPartyJwt: Rule = {
  meta: {
    id: 'smcp-first-party-jwt',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    versions: { deprecatedIn: 'v2.5' },
    gate: { from: 'deprecatedIn' },
    fixable: false,
    deprecated: true,
    summary: '`spec.security.identity.type: Kubernetes` (first-party service account tokens) is being removed.',
  },
  check(context) {
    const node = getNode(context.resource.root, ['spec', 'security', 'identity', 'type']);
    const span = nodeSpan(node);
    if (scalarText(node) !== 'Kubernetes' || !span) return;
    context.report({
      span,
      message:
        l10n.t('`identity.type: Kubernetes` makes proxies authenticate with first-party service account tokens, which Istio is removing (announced with OSSM 2.5). Move to `ThirdParty` (projected, audience-bound tokens, supported by OpenShift 4) and check `identity.thirdParty.audience` if you set one.'),
    });
  },
};
