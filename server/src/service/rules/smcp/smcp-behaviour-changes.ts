import type { Rule } from '../types';
import { behaviourChangesBetween } from './behaviour-changes';
import { SMCP_ANY } from './scope';
import { versionField } from './version-text';
import * as l10n from '@vscode/l10n';

export const smcpBehaviourChanges: Rule = {
  meta: {
    id: 'smcp-behaviour-changes',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_ANY,
    fixable: false,
    summary: 'Behaviour changes to review on the way from `spec.version` to the target, reported once per control plane.',
  },
  check(context) {
    const from = context.smcpVersion;
    const field = versionField(context.section, context.resource);
    if (!from || !field) return;
    const steps = behaviourChangesBetween(from, context.target);
    if (steps.length === 0) return;
    const lines = steps.flatMap(({ step, changes }) => changes.map((c) => `• ${step.from.name} → ${step.to.name}: ${c}`));
    context.report({
      span: field.span,
      message: l10n.t('Upgrading from {0} to {1} changes behaviour that this file cannot show; review:\n{2}', from.name, context.target.name, lines.join('\n')),
      data: { steps: steps.map(({ step }) => step.to.name) },
    });
  },
};
