import { getNode, nodeSpan } from '../../../core/ast';
import type { Rule, RuleMeta } from '../../types';
import * as l10n from '@vscode/l10n';

/** ServiceMeshMemberRoll and ServiceMeshMember must both be named `default`; only the wording differs. */
export function nameDefaultRule(meta: RuleMeta, webhookMessage: string): Rule {
  return {
    meta,
    check(context) {
      const name = context.resource.name;
      const span = nodeSpan(getNode(context.resource.root, ['metadata', 'name']));
      if (name === undefined || name === 'default' || !span) return;
      context.report({
        span,
        message: l10n.t('A {0} must be named `default`; the webhook refuses `{1}` ("{2}").', context.resource.kind ?? '', name, webhookMessage),
      });
    },
    fix(context) {
      const span = nodeSpan(getNode(context.resource.root, ['metadata', 'name']));
      return span ? [{ title: l10n.t('Rename to default'), edits: [{ start: span[0], end: span[1], newText: 'default' }], safe: true, preferred: true }] : [];
    },
  };
}
