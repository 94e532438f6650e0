import { getNode, nodeSpan, scalarValue } from '../../core/ast';
import { atLeast, below } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

const PATH = ['spec', 'proxy', 'networking', 'protocol', 'autoDetect'];

export const smcpProtocolAutodetect: Rule = {
  meta: {
    id: 'smcp-protocol-autodetect',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    fixable: true,
    summary: 'Automatic protocol detection (`autoDetect.inbound/outbound: true`) is refused on v2.0 and v2.1.',
  },
  check(context) {
    const rejection = firstRejection(context, (v) => below(v, 'v2.0') || atLeast(v, 'v2.2'));
    if (!rejection) return;
    for (const direction of ['inbound', 'outbound']) {
      const node = getNode(context.resource.root, [...PATH, direction]);
      const span = nodeSpan(node);
      if (scalarValue(node) !== true || !span) continue;
      context.report({
        span,
        message:
          l10n.t('Protocol sniffing is not available on v2.0 and v2.1; `autoDetect.{0}: true` is refused {1} ("automatic protocol detection is not supported in {2}; if specified, spec.proxy.networking.protocol.autoDetect.{3} must be set to false"). Set it to false and name Service ports by protocol (`http-…`, `grpc-…`, `tcp-…`) or set `appProtocol`; from v2.2 it may be true again.', direction, describeRejection(rejection, context.target), rejection.version.name, direction),
        data: { direction },
      });
    }
  },
  fix(context) {
    const direction = context.data?.direction;
    if (direction !== 'inbound' && direction !== 'outbound') return [];
    const span = nodeSpan(getNode(context.resource.root, [...PATH, direction]));
    // Turning detection off changes how unnamed ports are treated, so it is not applied by fix-all.
    return span ? [{ title: l10n.t('Set autoDetect.{0} to false', direction), edits: [{ start: span[0], end: span[1], newText: 'false' }], safe: false, preferred: true }] : [];
  },
};
