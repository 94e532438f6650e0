import { asSeq, getNode, nodeSpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMMR } from './support/scope';
import * as l10n from '@vscode/l10n';

/** A Kubernetes namespace name: a DNS-1123 label. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const smmrInvalidMember: Rule = {
  meta: {
    id: 'smmr-invalid-member',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMMR,
    fixable: false,
    summary: '`spec.members` entries must be namespace names, listed once, not the control plane\'s own namespace; `*` must stand alone.',
  },
  check(context) {
    const members = asSeq(getNode(context.resource.root, ['spec', 'members']));
    if (!members) return;
    const seen = new Set<string>();
    for (const item of members.items) {
      const span = nodeSpan(item);
      const name = scalarText(item);
      if (!span) continue;
      if (name === '*') {
        if (members.items.length > 1) {
          context.report({ span, message: l10n.t("`*` already makes every namespace a member; it must be the only entry (\"when .spec.members contains an asterisk ('*'), it must contain no other entries\").") });
        }
        continue;
      }
      if (name === undefined || name.length > 63 || !NAMESPACE_NAME.test(name)) {
        context.report({
          span,
          message: l10n.t('`{0}` is not a namespace name (lower-case letters, digits and \'-\', at most 63 characters, starting and ending with a letter or digit): ".spec.members contains invalid value \'{1}\'. Must be a valid namespace name."', name ?? context.section.text.slice(span[0], span[1]), name ?? ''),
        });
        continue;
      }
      if (name === context.resource.namespace) {
        context.report({
          span,
          message: l10n.t('`{0}` is where the control plane runs, which is part of the mesh without being listed ("mesh project/namespace cannot be listed as a member"). Remove it.', name),
        });
      } else if (seen.has(name)) {
        context.report({ span, message: l10n.t('`{0}` is listed twice ("duplicate namespace in .spec.members: {1}").', name, name) });
      }
      seen.add(name);
    }
  },
};
