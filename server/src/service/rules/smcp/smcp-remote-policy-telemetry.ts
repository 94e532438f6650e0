import { getNode, getPair, keySpan, nodeSpan, scalarText, scalarValue } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

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
      message: l10n.t('`{0}.type: Remote` needs the address of the remote {1} service in `{2}.remote.address` ("if {3} type is Remote, an address must be specified").', block, block, block, block),
    });
  }
  const addressPair = getPair(root, ['spec', block, 'remote', 'address']);
  const addressSpan = addressPair && keySpan(addressPair);
  if (address && type !== 'Remote' && addressSpan) {
    context.report({
      span: addressSpan,
      message: l10n.t('`{0}.remote.address` is set but `{1}.type` is {2} ("if {3}.remote.address is specified, {4}.type must be Remote for v2.x versions"). Set the type to Remote or remove the address.', block, block, type ? `\`${type}\`` : 'unset', block, block),
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
    message: l10n.t('`{0}.remote.createService` must equal `{1}.remote.createService` (unset counts as false): "if {2}.remote.createService is specified, it must match {3}.remote.createService".', block, OTHER[block], block, OTHER[block]),
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
