import { keySpan } from '../../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix, RuleMeta } from '../../types';
import { removeEntry, renameEntryKey } from './entry-edits';
import { entryRef, locateEntry, metadataEntries } from './metadata-entries';
import * as l10n from '@vscode/l10n';

/**
 * A `sidecar.maistra.io/` resource-limit annotation that the v1.1 injector
 * read and 2.x injectors ignore in favour of the `sidecar.istio.io/` key.
 */
export function maistraProxyLimitRule(meta: RuleMeta, oldKey: string, newKey: string, what: string): Rule {
  return {
    meta,
    check(context: RuleContext) {
      for (const entry of metadataEntries(context.resource, 'annotations')) {
        if (entry.key !== oldKey) continue;
        const span = keySpan(entry.pair);
        if (!span) continue;
        const both = entry.map.items.some((item) => item !== entry.pair && (item as { key?: { value?: unknown } }).key?.value === newKey);
        context.report({
          span,
          message: both
            ? l10n.t('`{0}` is ignored from v2.0 on; `{1}` is already set here and is the one the sidecar gets. Remove the old key.', oldKey, newKey)
            : l10n.t('`{0}` is ignored from v2.0 on, so the sidecar would run without this {1}. Use `{2}` with the same value.', oldKey, what, newKey),
          data: { ...entryRef(entry), both },
        });
      }
    },
    fix(context: FixContext): RuleFix[] {
      const located = locateEntry(context.resource.root, context.data);
      if (!located) return [];
      const hasNew = located.map.items.some((item) => item !== located.pair && (item as { key?: { value?: unknown } }).key?.value === newKey);
      if (hasNew) {
        const edit = removeEntry(context.section, located);
        return edit ? [{ title: l10n.t('Remove {0} ({1} is already set)', oldKey, newKey), edits: [edit], safe: true, preferred: true }] : [];
      }
      const edit = renameEntryKey(context.section, located.pair, newKey);
      return edit ? [{ title: l10n.t('Rename to {0}', newKey), edits: [edit], safe: true, preferred: true }] : [];
    },
  };
}
