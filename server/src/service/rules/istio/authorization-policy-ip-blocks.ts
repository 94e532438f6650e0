import { asMap, asSeq, entries, findPair, getNode, keySpan } from '../../core/ast';
import { renameKey } from '../../edits/yaml-edits';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import * as l10n from '@vscode/l10n';

const RENAMES: Record<string, string> = { ipBlocks: 'remoteIpBlocks', notIpBlocks: 'notRemoteIpBlocks' };

/** Every `rules[].from[].source` mapping of an AuthorizationPolicy. */
function* sources(root: unknown) {
  for (const rule of asSeq(getNode(root, ['spec', 'rules']))?.items ?? []) {
    for (const from of asSeq(getNode(rule, ['from']))?.items ?? []) {
      const source = asMap(getNode(from, ['source']));
      if (source) yield source;
    }
  }
}

/**
 * Istio 1.8 (OpenShift Service Mesh 2.1) narrowed `ipBlocks` to the address of
 * the packet reaching the sidecar. Behind a load balancer speaking the PROXY
 * protocol, the client's own address moved to `remoteIpBlocks`.
 */
export const authorizationPolicyIpBlocks: Rule = {
  meta: {
    id: 'authorization-policy-ip-blocks',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: { groups: ['security.istio.io'], kinds: ['AuthorizationPolicy'] },
    versions: { since: 'v2.1' },
    gate: { from: 'since' },
    fixable: true,
    summary: '`ipBlocks`/`notIpBlocks` match the address of the packet reaching the sidecar since v2.1; the client address is in `remoteIpBlocks`.',
  },

  check(context: RuleContext) {
    for (const source of sources(context.resource.root)) {
      for (const [key, pair] of entries(source)) {
        const replacement = RENAMES[key];
        const span = replacement ? keySpan(pair) : undefined;
        if (!replacement || !span) continue;
        context.report({
          span,
          message: l10n.t('Since v2.1, `{0}` matches the address of the packet that reaches the sidecar (a load balancer or gateway in front of it, for example). When the original client address arrives through the PROXY protocol, it is matched by `{1}` instead; rename the field if that is the address you mean.', key, replacement),
          data: { key, replacement },
        });
      }
    }
  },

  fix(context: FixContext): RuleFix[] {
    const { key, replacement } = context.data ?? {};
    if (typeof key !== 'string' || typeof replacement !== 'string') return [];
    for (const source of sources(context.resource.root)) {
      const pair = findPair(source, key);
      const span = pair ? keySpan(pair) : undefined;
      if (!pair || !span || span[0] !== context.span[0]) continue;
      // Renaming next to an existing remoteIpBlocks would merge two lists by hand.
      if (findPair(source, replacement)) return [];
      const edit = renameKey(pair, replacement);
      // It changes which address is matched, so it is never part of fix-all.
      return edit ? [{ title: l10n.t('Rename {0} to {1}', key, replacement), edits: [edit], safe: false }] : [];
    }
    return [];
  },
};
