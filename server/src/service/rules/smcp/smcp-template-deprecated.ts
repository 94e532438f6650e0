import { isScalar } from 'yaml';
import { asMap, findPair, getNode, getPair, keySpan, nodeSpan } from '../../core/ast';
import { replacePair } from '../../edits/yaml-edits';
import type { Rule } from '../types';
import { SMCP_V1 } from './support/scope';
import * as l10n from '@vscode/l10n';

export const smcpTemplateDeprecated: Rule = {
  meta: {
    id: 'smcp-template-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V1,
    fixable: true,
    deprecated: true,
    summary: '`spec.template` is deprecated; name the profile in `spec.profiles`.',
  },
  check(context) {
    const pair = getPair(context.resource.root, ['spec', 'template']);
    const span = pair && keySpan(pair);
    if (!span) return;
    context.report({
      span,
      message: l10n.t('`spec.template` is deprecated in favour of `spec.profiles`, a list of profiles applied in order; `maistra.io/v2` has only `profiles`.'),
    });
  },
  fix(context) {
    const spec = asMap(getNode(context.resource.root, ['spec']));
    const pair = findPair(spec, 'template');
    if (!pair || findPair(spec, 'profiles') || !isScalar(pair.value) || typeof pair.value.value !== 'string') return [];
    const span = nodeSpan(pair.value);
    if (!span) return [];
    const name = context.section.text.slice(span[0], span[1]);
    if (/[#,[\]{}\n]/.test(name)) return [];
    const edit = replacePair(context.section, pair, [`profiles: [${name}]`]);
    return edit ? [{ title: l10n.t('Replace template with profiles: [{0}]', name), edits: [edit], safe: true, preferred: true }] : [];
  },
};
