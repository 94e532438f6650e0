import type { Pair } from 'yaml';
import { entries, getNode, getPair, PathSegment } from '../../../core/ast';
import type { ResourceIdentity } from '../../../core/resources';

export interface GatewayEntry {
  /** `ingress`, `egress`, or the name of an additional gateway. */
  readonly name: string;
  readonly path: readonly PathSegment[];
  /** The pair that holds the gateway's settings (its key names it). */
  readonly pair: Pair;
  readonly additional: boolean;
}

/** The default ingress and egress gateways and every additional one, in file order per group. */
export function gatewaysOf(resource: ResourceIdentity): GatewayEntry[] {
  const result: GatewayEntry[] = [];
  for (const name of ['ingress', 'egress']) {
    const pair = getPair(resource.root, ['spec', 'gateways', name]);
    if (pair) result.push({ name, path: ['spec', 'gateways', name], pair, additional: false });
  }
  for (const group of ['additionalIngress', 'additionalEgress']) {
    for (const [name, pair] of entries(getNode(resource.root, ['spec', 'gateways', group]))) {
      result.push({ name, path: ['spec', 'gateways', group, name], pair, additional: true });
    }
  }
  return result;
}
