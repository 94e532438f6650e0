import { asSeq, getNode, getPair, keySpan } from '../../core/ast';
import type { Rule } from '../types';
import { SMMR } from './support/scope';
import * as l10n from '@vscode/l10n';

export const smmrMembersWithSelectors: Rule = {
  meta: {
    id: 'smmr-members-with-selectors',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMMR,
    fixable: false,
    summary: 'A ServiceMeshMemberRoll lists `spec.members` or uses `spec.memberSelectors`, not both.',
  },
  check(context) {
    const root = context.resource.root;
    const members = asSeq(getNode(root, ['spec', 'members']));
    const selectors = asSeq(getNode(root, ['spec', 'memberSelectors']));
    const pair = getPair(root, ['spec', 'memberSelectors']);
    const span = pair && keySpan(pair);
    if (!members?.items.length || !selectors?.items.length || !span) return;
    context.report({
      span,
      message: l10n.t('Namespaces join the mesh either by name (`spec.members`) or by label (`spec.memberSelectors`); the webhook refuses both together ("combining .spec.members and .spec.memberSelectors is not allowed"). Keep one.'),
    });
  },
};
