import * as l10n from '@vscode/l10n';
import { upgradeSteps } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_ANY } from './support/scope';
import { versionField } from './support/version-text';

export const smcpUpgradePath: Rule = {
  meta: {
    id: 'smcp-upgrade-path',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_ANY,
    fixable: false,
    summary: 'Lists the minor-by-minor steps when `spec.version` is more than one minor version below the target.',
  },
  check(context) {
    const from = context.smcpVersion;
    const field = versionField(context.section, context.resource);
    if (!from || !field) return;
    const steps = upgradeSteps(from, context.target);
    if (steps.length < 2) return;
    const path = [from, ...steps.map((s) => s.to)].map((v) => v.name).join(' → ');
    const crossesMajor = steps.some((s) => s.from.major !== s.to.major);
    context.report({
      span: field.span,
      message:
        l10n.t('Reaching {0} from {1} takes {2} upgrades, one minor version at a time: {3}. Skipping a version is not supported; raise `spec.version` one step, let the control plane reconcile, and update the operator as each step requires.', context.target.name, from.name, steps.length, path) +
        (crossesMajor ? ' ' + l10n.t('The step from v1.x to v2.0 cannot be done in place: create a new v2 control plane.') : ''),
      data: { steps: steps.map((s) => s.to.name) },
    });
  },
};
