import type { Rule } from '../types';
import { behaviourChangesBetween } from './support/behaviour-changes';
import { SMCP_ANY } from './support/scope';
import { versionField } from './support/version-text';
import * as l10n from '@vscode/l10n';

export const smcpBehaviourChanges: Rule = {
  meta: {
    id: 'smcp-behaviour-changes',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_ANY,
    fixable: false,
    summary: 'Behaviour changes to review on the way from `spec.version` to the target, one finding per change.',
  },
  check(context) {
    const from = context.smcpVersion;
    const field = versionField(context.section, context.resource);
    if (!from || !field) return;
    // One finding per change: a single message with every change as an embedded
    // bullet ran to 2,000 characters on one line in the Problems panel and the
    // CLI. The full list per step stays in the docs page and the upgrade plan.
    for (const { step, changes } of behaviourChangesBetween(from, context.target)) {
      for (const change of changes) {
        context.report({
          span: field.span,
          message: l10n.t('Upgrading {0} → {1} changes behaviour this file cannot show: {2}', step.from.name, step.to.name, change),
          data: { step: step.to.name },
        });
      }
    }
  },
};
