import { isScalar } from 'yaml';
import { keySpan, nodeSpan, scalarText } from '../../core/ast';
import { replaceValue } from '../../edits/yaml-edits';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { INJECTION_LABEL, INJECTION_VALUES, isDns1123Label, REVISION_LABEL } from './support/injection-labels';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

const ON = ['true', 'yes', 'on', 'enable', 'y'];
const OFF = ['false', 'no', 'off', 'disable', 'n'];

export const injectionLabelValue: Rule = {
  meta: {
    id: 'injection-label-value',
    category: 'invalid',
    severity: 'error',
    appliesTo: {},
    fixable: true,
    summary: '`istio-injection` other than `enabled`/`disabled` on a Namespace, or an `istio.io/rev` that is not a valid revision name.',
  },
  check(context: RuleContext) {
    const isNamespace = context.resource.kind === 'Namespace' && context.resource.group === '';
    for (const entry of metadataEntries(context.resource, 'labels')) {
      const span = nodeSpan(entry.pair.value) ?? keySpan(entry.pair);
      const text = scalarText(entry.pair.value) ?? '';
      if (!span) continue;
      if (entry.key === INJECTION_LABEL && isNamespace && !INJECTION_VALUES.includes(text)) {
        const suggestion = replacementFor(text);
        context.report({
          span,
          message: l10n.t('`{0}` must be `enabled` or `disabled`; with `{1}` the namespace is neither, and the webhook will not inject.{2}', INJECTION_LABEL, text, suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
          data: { ...entryRef(entry), value: suggestion },
        });
      } else if (entry.key === REVISION_LABEL && (isNamespace || entry.location.isPod) && isScalar(entry.pair.value) && !isDns1123Label(text)) {
        const lower = text.toLowerCase();
        const suggestion = lower !== text && isDns1123Label(lower) ? lower : undefined;
        context.report({
          span,
          message: l10n.t('`{0}` must name a control-plane revision, which is a DNS-1123 label (lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 63 characters); `{1}` is not, so no revision can match it.{2}', REVISION_LABEL, text, suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
          data: { ...entryRef(entry), value: suggestion },
        });
      }
    }
  },
  fix(context: FixContext): RuleFix[] {
    const located = locateEntry(context.resource.root, context.data);
    const value = context.data?.value;
    if (!located || typeof value !== 'string') return [];
    const edit = replaceValue(located.pair.value, value);
    return edit ? [{ title: l10n.t('Change the value to {0}', value), edits: [edit], safe: true, preferred: true }] : [];
  },
};

function replacementFor(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (INJECTION_VALUES.includes(lower)) return lower;
  if (ON.includes(lower)) return 'enabled';
  if (OFF.includes(lower)) return 'disabled';
  return undefined;
}
