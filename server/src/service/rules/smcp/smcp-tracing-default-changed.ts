import { asSeq, getNode, getPair, keySpan } from '../../core/ast';
import type { Rule, RuleFix } from '../types';
import { isPatch } from './support/fragments';
import { SMCP_V2 } from './support/scope';
import { insertPath } from './support/smcp-edits';
import * as l10n from '@vscode/l10n';

const PATH = ['spec', 'tracing', 'type'];

export const smcpTracingDefaultChanged: Rule = {
  meta: {
    id: 'smcp-tracing-default-changed',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.6' },
    gate: { from: 'since' },
    fixable: true,
    summary: 'From v2.6 new control planes get tracing off when `spec.tracing.type` is unset; set it explicitly.',
  },
  check(context) {
    if (getPair(context.resource.root, PATH)) return;
    if (isPatch(context)) return;
    const anchor = getPair(context.resource.root, ['spec', 'tracing']) ?? getPair(context.resource.root, ['spec']);
    const span = anchor && keySpan(anchor);
    if (!span) return;
    context.report({
      span,
      message:
        l10n.t('`spec.tracing.type` is unset: from v2.6 a newly created control plane gets `None` (no tracing), while the profiles of earlier versions and upgraded control planes use Jaeger. Set it explicitly.'),
    });
  },
  fix(context) {
    const fixes: RuleFix[] = [];
    // The operator refuses a zipkin extension provider next to Jaeger tracing.
    const providers = asSeq(getNode(context.resource.root, ['spec', 'meshConfig', 'extensionProviders']))?.items ?? [];
    const hasZipkin = providers.some((p) => getNode(p, ['zipkin']) !== undefined);
    for (const value of hasZipkin ? ['None'] : ['None', 'Jaeger']) {
      const edit = insertPath(context.section, context.resource.root, PATH, value, 'last');
      if (edit) fixes.push({ title: l10n.t('Set tracing.type: {0}', value), edits: [edit], safe: false, preferred: value === 'None' });
    }
    return fixes;
  },
};
