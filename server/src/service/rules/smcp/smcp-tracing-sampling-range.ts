import { getNode, nodeSpan, scalarValue } from '../../core/ast';
import { samplingPercent } from '../../core/value-notes';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

export const smcpTracingSamplingRange: Rule = {
  meta: {
    id: 'smcp-tracing-sampling-range',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    fixable: false,
    summary: '`spec.tracing.sampling` is in steps of 0.01 % and must lie between 0 and 10000 (100 %).',
  },
  check(context) {
    const node = getNode(context.resource.root, ['spec', 'tracing', 'sampling']);
    const value = scalarValue(node);
    const span = nodeSpan(node);
    if (typeof value !== 'number' || !span || (value >= 0 && value <= 10000)) return;
    context.report({
      span,
      message: l10n.t('`sampling: {0}` would mean {1} of requests; the unit is 0.01 %, so the range is 0 (none) to 10000 (100 %). For 1 % write 100.', value, samplingPercent(value)),
    });
  },
};
