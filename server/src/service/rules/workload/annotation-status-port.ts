import { keySpan, nodeSpan, scalarText } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { removeEntryFix } from './support/entry-edits';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

const KEY = 'status.sidecar.istio.io/port';

export const annotationStatusPort: Rule = {
  meta: {
    id: 'annotation-status-port',
    category: 'upgrade-blocker',
    severity: 'warning',
    appliesTo: {},
    versions: { removedIn: 'v2.0' },
    fixable: true,
    summary: 'A custom `status.sidecar.istio.io/port` is not supported from v2.0; the status port is always 15021.',
  },
  check(context: RuleContext) {
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      if (entry.key !== KEY) continue;
      const value = scalarText(entry.pair.value)?.trim();
      // `0` still turns the readiness check off, which remains supported.
      if (value === '0') continue;
      const key = keySpan(entry.pair);
      if (!key) continue;
      const end = nodeSpan(entry.pair.value)?.[1] ?? key[1];
      context.report({
        span: [key[0], Math.max(end, key[1])],
        message: l10n.t('From v2.0 the sidecar\'s status port is fixed at 15021 and `{0}` can only be `"0"` (no readiness check). Remove the annotation{1} before moving this workload to a v2.x control plane.', KEY, value ? ` (\`${value}\`)` : ''),
        data: entryRef(entry),
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    return removeEntryFix(context.section, locateEntry(context.resource.root, context.data), l10n.t('Remove {0}', KEY));
  },
};
