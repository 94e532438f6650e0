import { getNode, keySpan, scalarText } from '../../ast';
import type { Rule } from '../types';
import { gatewaysOf } from './gateways';
import { SMCP_V2 } from './scope';

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
          message: `\`${gateway.name}\` is the name of the default gateway; configure it under \`spec.gateways.${gateway.name === 'istio-ingressgateway' ? 'ingress' : 'egress'}\` or choose another name (the webhook says "cannot define additional gateway named "${gateway.name}"").`,
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
          message: `A gateway named \`${gateway.name}\` is already defined under \`${earlier}\` in the same namespace; both would create the same Deployment and Service (the webhook says "multiple gateways defined for "${key}"").`,
        });
        continue;
      }
      seen.set(key, `spec.gateways.${group}`);
    }
  },
};
