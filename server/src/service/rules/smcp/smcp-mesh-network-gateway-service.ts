import { asSeq, entries, findPair, getNode, keySpan, asMap } from '../../core/ast';
import { renameKey } from '../../edits/yaml-edits';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

const NETWORKS = ['spec', 'cluster', 'multiCluster', 'meshNetworks'];

export const smcpMeshNetworkGatewayService: Rule = {
  meta: {
    id: 'smcp-mesh-network-gateway-service',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    fixable: true,
    deprecated: true,
    summary: '`meshNetworks.<network>.gateways[].service` is deprecated; use `registryServiceName`.',
  },
  check(context) {
    for (const [network, pair] of entries(getNode(context.resource.root, NETWORKS))) {
      const gateways = asSeq(getNode(pair.value, ['gateways']));
      gateways?.items.forEach((gateway, index) => {
        const service = findPair(asMap(gateway), 'service');
        const span = service && keySpan(service);
        if (!span) return;
        context.report({
          span,
          message: l10n.t('The gateway\'s `service` field is deprecated; name the gateway Service with `registryServiceName` (its fully qualified name in the service registry).'),
          data: { network, index },
        });
      });
    }
  },
  fix(context) {
    const { network, index } = context.data ?? {};
    if (typeof network !== 'string' || typeof index !== 'number') return [];
    const gateway = asMap(getNode(context.resource.root, [...NETWORKS, network, 'gateways', index]));
    const service = findPair(gateway, 'service');
    if (!service || findPair(gateway, 'registryServiceName')) return [];
    const edit = renameKey(service, 'registryServiceName');
    return edit ? [{ title: l10n.t('Rename service to registryServiceName'), edits: [edit], safe: true, preferred: true }] : [];
  },
};
