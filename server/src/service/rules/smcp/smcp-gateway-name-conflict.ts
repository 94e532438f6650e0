import { getNode, keySpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { gatewaysOf } from './support/gateways';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

const RESERVED = ['istio-ingressgateway', 'istio-egressgateway'];

export const smcpGatewayNameConflict: Rule = {
  meta: {
    id: 'smcp-gateway-name-conflict',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    fixable: false,
    summary: 'Additional gateways may not take the default gateways\' names, nor share a namespace and name.',
  },
  check(context) {
    const seen = new Map<string, string>();
    for (const gateway of gatewaysOf(context.resource).filter((g) => g.additional)) {
      const span = keySpan(gateway.pair);
      if (!span) continue;
      if (RESERVED.includes(gateway.name)) {
        context.report({
          span,
          message: l10n.t('`{0}` is the name of the default gateway; configure it under `spec.gateways.{1}` or choose another name (the webhook says "cannot define additional gateway named "{2}"").', gateway.name, gateway.name === 'istio-ingressgateway' ? 'ingress' : 'egress', gateway.name),
        });
        continue;
      }
      // Gateways without a namespace of their own go into the control plane's namespace.
      const namespace = scalarText(getNode(gateway.pair.value, ['namespace'])) ?? context.resource.namespace ?? '';
      const key = `${namespace}/${gateway.name}`;
      const group = gateway.path[2] as string;
      const earlier = seen.get(key);
      if (earlier) {
        context.report({
          span,
          message: l10n.t('A gateway named `{0}` is already defined under `{1}` in the same namespace; both would create the same Deployment and Service (the webhook says "multiple gateways defined for "{2}"").', gateway.name, earlier, key),
        });
        continue;
      }
      seen.set(key, `spec.gateways.${group}`);
    }
  },
};
