import { keySpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { removeEntryFix } from './support/entry-edits';
import { INJECTION_LABEL, REVISION_LABEL } from './support/injection-labels';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

export const namespaceInjectionConflict: Rule = {
  meta: {
    id: 'namespace-injection-conflict',
    category: 'invalid',
    severity: 'warning',
    appliesTo: { groups: [''], kinds: ['Namespace'] },
    fixable: true,
    summary: 'A Namespace labelled with both `istio-injection` and `istio.io/rev`.',
  },
  check(context: RuleContext) {
    const labels = metadataEntries(context.resource, 'labels').filter((e) => !e.location.isPod);
    const injection = labels.find((e) => e.key === INJECTION_LABEL);
    const revision = labels.find((e) => e.key === REVISION_LABEL);
    const span = injection ? keySpan(injection.pair) : undefined;
    if (!injection || !revision || !span) return;
    context.report({
      span,
      message: l10n.t('This namespace has both `{0}` and `{1}`. Which control plane injects its pods then depends on how the injection webhooks are set up (upstream Istio lets `{2}` win), so keep only one; to pick a revision, remove `{3}`.', INJECTION_LABEL, REVISION_LABEL, INJECTION_LABEL, INJECTION_LABEL),
      data: entryRef(injection),
    });
  },
  fix(context: FixContext): RuleFix[] {
    // It changes which control plane injects, so it is offered but never applied by fix-all.
    return removeEntryFix(context.section, locateEntry(context.resource.root, context.data), l10n.t('Remove {0} (keep {1})', INJECTION_LABEL, REVISION_LABEL), false);
  },
};
