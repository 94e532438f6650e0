import { getNode, getPair, keySpan, scalarValue } from '../../core/ast';
import type { Rule, RuleFix } from '../types';
import { isPatch } from './support/fragments';
import { SMCP_V2 } from './support/scope';
import { insertPath } from './support/smcp-edits';
import * as l10n from '@vscode/l10n';

const PATH = ['spec', 'gateways', 'openshiftRoute', 'enabled'];

export const smcpIorDefaultChanged: Rule = {
  meta: {
    id: 'smcp-ior-default-changed',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.5' },
    gate: { from: 'since' },
    fixable: true,
    summary: 'From v2.5 new control planes get IOR off while upgraded ones keep it; set `spec.gateways.openshiftRoute.enabled` explicitly.',
  },
  check(context) {
    if (getPair(context.resource.root, PATH)) return;
    if (isPatch(context)) return;
    // No gateways, no routes to create.
    if (scalarValue(getNode(context.resource.root, ['spec', 'gateways', 'enabled'])) === false) return;
    const anchor = getPair(context.resource.root, ['spec', 'gateways']) ?? getPair(context.resource.root, ['spec']);
    const span = anchor && keySpan(anchor);
    if (!span) return;
    context.report({
      span,
      message:
        l10n.t('`spec.gateways.openshiftRoute.enabled` is unset: from v2.5 a newly created control plane gets OpenShift routes for gateways (IOR) turned off, while one upgraded from v2.4 keeps them on. Set it explicitly so every cluster behaves the same.'),
    });
  },
  fix(context) {
    const fixes: RuleFix[] = [];
    for (const value of ['false', 'true']) {
      const edit = insertPath(context.section, context.resource.root, PATH, value, 'last');
      if (edit) fixes.push({ title: value === 'false' ? l10n.t('Set openshiftRoute.enabled: false (no routes, as new v2.5 control planes)') : l10n.t('Set openshiftRoute.enabled: true (keep IOR routes)'), edits: [edit], safe: false, preferred: value === 'false' });
    }
    return fixes;
  },
};
