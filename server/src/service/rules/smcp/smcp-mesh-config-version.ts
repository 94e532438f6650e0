import { asSeq, entries, getNode, getPair, keySpan } from '../../core/ast';
import { atLeast, below } from '../../core/versions';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

/** Provider types the v2.4 webhook does not know. */
const V2_5_PROVIDERS = ['zipkin', 'opentelemetry', 'envoyOtelAls'] as const;

function checkMeshConfig(context: RuleContext): boolean {
  const pair = getPair(context.resource.root, ['spec', 'meshConfig']);
  const span = pair && keySpan(pair);
  if (!span) return false;
  const rejection = firstRejection(context, (v) => atLeast(v, 'v2.4'));
  if (!rejection) return true;
  const selectors = getPair(context.resource.root, ['spec', 'meshConfig', 'discoverySelectors']);
  const quote = selectors
    ? 'the spec.meshConfig.discoverySelectors field is only supported in version 2.4 and above'
    : 'the spec.meshConfig field is only supported in version 2.4 and above';
  context.report({
    span,
    message: l10n.t('`spec.meshConfig` exists from v2.4 and is refused {0} ("{1}"). Raise `spec.version` to v2.4 or later in the same change, or remove it.', describeRejection(rejection, context.target), quote),
  });
  return true;
}

function checkProviders(context: RuleContext): void {
  const providers = asSeq(getNode(context.resource.root, ['spec', 'meshConfig', 'extensionProviders']));
  if (!providers) return;
  // Versions before v2.4 already refuse the whole meshConfig block; only v2.4 knows meshConfig without these types.
  const rejection = firstRejection(context, (v) => below(v, 'v2.4') || atLeast(v, 'v2.5'));
  if (!rejection) return;
  for (const item of providers.items) {
    for (const [key, pair] of entries(item)) {
      if (!(V2_5_PROVIDERS as readonly string[]).includes(key)) continue;
      const span = keySpan(pair);
      if (!span) continue;
      context.report({
        span,
        message: l10n.t('The `{0}` extension provider needs v2.5 and is refused {1} ("extension provider \'{2}\' is not supported in SMCP v2.4 - the minimum version required is v2.5").', key, describeRejection(rejection, context.target), key),
      });
    }
  }
}

export const smcpMeshConfigVersion: Rule = {
  meta: {
    id: 'smcp-mesh-config-version',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.4' },
    fixable: false,
    summary: '`spec.meshConfig` needs v2.4; the zipkin, opentelemetry and envoyOtelAls extension providers need v2.5.',
  },
  check(context) {
    if (checkMeshConfig(context)) checkProviders(context);
  },
};
