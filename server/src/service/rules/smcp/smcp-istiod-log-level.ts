import { entries, getNode, nodeSpan, scalarText } from '../../core/ast';
import { below } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

/** Nearest level istiod accepts; safe when the meaning is the same, not just close. */
const REPLACEMENTS: Readonly<Record<string, { level: string; safe: boolean }>> = {
  warning: { level: 'warn', safe: true },
  off: { level: 'none', safe: true },
  trace: { level: 'debug', safe: false },
  critical: { level: 'error', safe: false },
};

export const smcpIstiodLogLevel: Rule = {
  meta: {
    id: 'smcp-istiod-log-level',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.3' },
    fixable: true,
    summary: '`spec.general.logging.componentLevels` values istiod does not know (trace, warning, critical, off) are refused from v2.3.',
  },
  check(context) {
    const rejection = firstRejection(context, (v) => below(v, 'v2.3'));
    if (!rejection) return;
    for (const [scope, pair] of entries(getNode(context.resource.root, ['spec', 'general', 'logging', 'componentLevels']))) {
      const level = scalarText(pair.value);
      const span = nodeSpan(pair.value);
      const replacement = level !== undefined ? REPLACEMENTS[level] : undefined;
      if (!replacement || !span) continue;
      context.report({
        span,
        message:
          l10n.t('istiod logs at debug, info, warn, error, fatal or none; `{0}: {1}` is refused {2} ("istiod doesn\'t support \'{1}\' log level"). Use `{3}`.', scope, level ?? '', describeRejection(rejection, context.target), replacement.level),
        data: { scope },
      });
    }
  },
  fix(context) {
    const scope = context.data?.scope;
    if (typeof scope !== 'string') return [];
    const node = getNode(context.resource.root, ['spec', 'general', 'logging', 'componentLevels', scope]);
    const level = scalarText(node);
    const span = nodeSpan(node);
    const replacement = level !== undefined ? REPLACEMENTS[level] : undefined;
    if (!replacement || !span) return [];
    return [{ title: l10n.t('Change {0} log level to {1}', scope, replacement.level), edits: [{ start: span[0], end: span[1], newText: replacement.level }], safe: replacement.safe, preferred: true }];
  },
};
