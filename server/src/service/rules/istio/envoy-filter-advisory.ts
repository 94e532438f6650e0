import { nodeSpan } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { ENVOY_FILTER_SCOPE } from './support/envoy-filter-scope';
import * as l10n from '@vscode/l10n';

/** Every EnvoyFilter, because it patches Envoy's own configuration. */
export const envoyFilterAdvisory: Rule = {
  meta: {
    id: 'envoy-filter-advisory',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: ENVOY_FILTER_SCOPE,
    fixable: false,
    summary: 'EnvoyFilter is unsupported outside documented uses and tied to the Envoy version, so any upgrade can break it.',
  },

  check(context: RuleContext) {
    const span = nodeSpan(context.resource.kindPair?.value);
    if (!span) return;
    context.report({
      span,
      message:
        l10n.t('EnvoyFilter patches the generated Envoy configuration directly. OpenShift Service Mesh supports it only where its documentation describes the use, and the patch depends on the Envoy version: every control-plane upgrade can break it. Re-test it after each upgrade, and consider pinning it with `match.proxy.proxyVersion`.'),
    });
  },
};
