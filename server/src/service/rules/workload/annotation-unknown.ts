import { keySpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { ANNOTATIONS, availability, isIstioKey, istioRelease, LABELS } from './support/annotation-registry';
import { removeEntryFix, renameEntryKey } from './support/entry-edits';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import { suggestAnnotation } from './support/suggest';
import * as l10n from '@vscode/l10n';

export const annotationUnknown: Rule = {
  meta: {
    id: 'annotation-unknown',
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: true,
    summary: 'An annotation under an Istio-owned prefix that the target\'s Istio does not know (typo, removed, or too new).',
  },
  check(context: RuleContext) {
    const release = istioRelease(context.target);
    const on = `${context.target.name} (Istio ${release})`;
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      if (!isIstioKey(entry.key)) continue;
      const span = keySpan(entry.pair);
      if (!span) continue;
      const known = ANNOTATIONS.get(entry.key);
      if (known) {
        const state = availability(known, context.target);
        if (state.state === 'removed') {
          context.report({
            span,
            message: l10n.t('`{0}` was last recognised by Istio {1}; {2} ignores it. Remove it.', entry.key, state.lastRelease, on),
            data: { ...entryRef(entry), action: 'remove' },
          });
        } else if (state.state === 'not-yet') {
          context.report({
            span,
            severity: 'info',
            message: l10n.t('`{0}` first appears in Istio {1}, so {2} ignores it.', entry.key, state.firstRelease, on),
          });
        }
        continue;
      }
      if (LABELS.has(entry.key)) {
        context.report({ span, message: l10n.t('`{0}` is an Istio label, not an annotation; as an annotation it does nothing. Move it to `labels`.', entry.key) });
        continue;
      }
      const suggestion = suggestAnnotation(entry.key);
      context.report({
        span,
        message: l10n.t('Unknown annotation `{0}`: Istio defines no such key, so it does nothing.{1}', entry.key, suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
        data: suggestion ? { ...entryRef(entry), action: 'rename', suggestion } : undefined,
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    const located = locateEntry(context.resource.root, context.data);
    if (!located) return [];
    if (context.data?.action === 'remove') return removeEntryFix(context.section, located, l10n.t('Remove {0}', String(context.data.key)), false);
    const suggestion = context.data?.suggestion;
    if (context.data?.action !== 'rename' || typeof suggestion !== 'string') return [];
    const edit = renameEntryKey(context.section, located.pair, suggestion);
    // A guess, so never applied by fix-all.
    return edit ? [{ title: l10n.t('Rename to {0}', suggestion), edits: [edit], safe: false, preferred: true }] : [];
  },
};
