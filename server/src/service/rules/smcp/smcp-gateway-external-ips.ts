import * as l10n from '@vscode/l10n';
import { asSeq, getNode, getPair, keySpan } from '../../core/ast';
import type { Rule } from '../types';
import { gatewaysOf } from './support/gateways';
import { SMCP_V2 } from './support/scope';

export const smcpGatewayExternalIps: Rule = {
  meta: {
    id: 'smcp-gateway-external-ips',
    category: 'behavior-change',
    severity: 'warning',
    appliesTo: SMCP_V2,
    fixable: false,
    summary: 'A gateway Service with `externalIPs` hits known issue OSSM-1396: an SMCP update removes the gateway and does not recreate it.',
  },
  check(context) {
    for (const gateway of gatewaysOf(context.resource)) {
      const path = [...gateway.path, 'service', 'externalIPs'] as string[];
      const pair = getPair(context.resource.root, path);
      const span = pair && keySpan(pair);
      const ips = asSeq(getNode(context.resource.root, path));
      if (!span || !ips || ips.items.length === 0) continue;
      context.report({
        span,
        message:
          l10n.t('Known issue OSSM-1396: when a gateway Service has `externalIPs`, updating the ServiceMeshControlPlane removes the `{0}` gateway and does not recreate it. Workaround: disable this gateway in the SMCP and manage its Deployment, Service, Role and RoleBinding yourself.', gateway.name),
      });
    }
  },
};
