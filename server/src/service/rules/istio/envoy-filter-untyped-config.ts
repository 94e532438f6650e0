import { findPair, keySpan } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { ENVOY_FILTER_SCOPE } from './support/envoy-filter-scope';
import { configPatches, filterObjects } from './support/envoy-filter-walk';
import * as l10n from '@vscode/l10n';

/**
 * The v2 `config:` struct on a filter. Envoy v3 only takes `typed_config`
 * with an `@type`, which a rewrite must choose, so there is no automatic fix.
 */
export const envoyFilterUntypedConfig: Rule = {
  meta: {
    id: 'envoy-filter-untyped-config',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: ENVOY_FILTER_SCOPE,
    versions: { removedIn: 'v2.1' },
    gate: { from: 'removedIn' },
    fixable: false,
    deprecated: true,
    summary: 'A filter configured with the v2 `config:` struct instead of `typed_config:`; rejected from v2.1.',
  },

  check(context: RuleContext) {
    const seen = new Set<number>();
    for (const patch of configPatches(context.resource.root)) {
      for (const filter of filterObjects(patch)) {
        const config = findPair(filter.map, 'config');
        const span = config ? keySpan(config) : undefined;
        if (!config || !span || findPair(filter.map, 'typed_config') || seen.has(span[0])) continue;
        seen.add(span[0]);
        context.report({
          span,
          message:
            l10n.t('This filter uses `config:`, the untyped xDS v2 form. From v2.1 (Istio 1.9) Envoy accepts only `typed_config:` with an `"@type"` naming the filter\'s v3 configuration message (for example `type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua`); move the settings there.'),
        });
      }
    }
  },
};
