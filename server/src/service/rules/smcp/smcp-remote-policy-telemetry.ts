import { getNode, getPair, keySpan, nodeSpan, scalarText, scalarValue } from '../../ast';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './scope';

type Block = 'policy' | 'telemetry';
const OTHER: Record<Block, Block> = { policy: 'telemetry', telemetry: 'policy' };

function checkAddress(context: RuleContext, block: Block): void {
  const root = context.resource.root;
  const typeNode = getNode(root, ['spec', block, 'type']);
  const type = scalarText(typeNode);
  const address = scalarText(getNode(root, ['spec', block, 'remote', 'address']));
  const typeSpan = nodeSpan(typeNode);
  if (type === 'Remote' && !address && typeSpan) {
    context.report({
      span: typeSpan,
      message: `\`${block}.type: Remote\` needs the address of the remote ${block} service in \`${block}.remote.address\` ("if ${block} type is Remote, an address must be specified").`,
    });
  }
  const addressPair = getPair(root, ['spec', block, 'remote', 'address']);
  const addressSpan = addressPair && keySpan(addressPair);
  if (address && type !== 'Remote' && addressSpan) {
    context.report({
      span: addressSpan,
      message: `\`${block}.remote.address\` is set but \`${block}.type\` is ${type ? `\`${type}\`` : 'unset'} ("if ${block}.remote.address is specified, ${block}.type must be Remote for v2.x versions"). Set the type to Remote or remove the address.`,
    });
  }
}

function checkCreateService(context: RuleContext, block: Block): void {
  const root = context.resource.root;
  const pair = getPair(root, ['spec', block, 'remote', 'createService']);
  const span = pair && keySpan(pair);
  if (!span) return;
  const own = scalarValue(pair.value) === true;
  const other = scalarValue(getNode(root, ['spec', OTHER[block], 'remote', 'createService'])) === true;
  if (own === other) return;
  context.report({
    span,
    message: `\`${block}.remote.createService\` must equal \`${OTHER[block]}.remote.createService\` (unset counts as false): "if ${block}.remote.createService is specified, it must match ${OTHER[block]}.remote.createService".`,
  });
}

export const smcpRemotePolicyTelemetry: Rule = {
  meta: {
    id: 'smcp-remote-policy-telemetry',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    fixable: false,
    summary: 'Remote policy/telemetry needs an address; an address needs type Remote; both `remote.createService` values must match.',
  },
  check(context) {
    for (const block of ['policy', 'telemetry'] as const) {
      checkAddress(context, block);
      checkCreateService(context, block);
    }
  },
};
