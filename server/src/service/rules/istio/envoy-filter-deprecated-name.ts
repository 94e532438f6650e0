import { isScalar } from 'yaml';
import { nodeSpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { DEPRECATED_FILTER_NAMES, DeprecatedFilterName, EnvoyFilterKind } from './support/envoy-filter-names.generated';
import { ENVOY_FILTER_SCOPE } from './support/envoy-filter-scope';
import { filterNames } from './support/envoy-filter-walk';
import { replaceScalarText } from './support/scalar-edit';
import * as l10n from '@vscode/l10n';

const KIND_NAMES: Record<EnvoyFilterKind, string> = { http: 'HTTP', network: 'network', listener: 'listener' };

/**
 * The canonical name for a deprecated one at a given position. `envoy.ext_authz`
 * names both an HTTP and a network filter, so the position decides; a name
 * known only as another kind of filter than its position holds gets no fix.
 */
function resolve(entries: DeprecatedFilterName[], kind: EnvoyFilterKind): DeprecatedFilterName | undefined {
  return entries.find((e) => e.kind === kind);
}

export const envoyFilterDeprecatedName: Rule = {
  meta: {
    id: 'envoy-filter-deprecated-name',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: ENVOY_FILTER_SCOPE,
    versions: { deprecatedIn: 'v2.0' },
    fixable: true,
    deprecated: true,
    summary: 'A deprecated Envoy filter name such as `envoy.router`; use the canonical `envoy.filters.*` name.',
  },

  check(context: RuleContext) {
    for (const site of filterNames(context.resource.root)) {
      const entries = DEPRECATED_FILTER_NAMES.filter((e) => e.deprecated === site.name);
      const span = nodeSpan(site.node);
      if (entries.length === 0 || !span) continue;
      const chosen = resolve(entries, site.kind);
      if (chosen) {
        context.report({
          span,
          message: l10n.t('"{0}" is a deprecated Envoy filter name; Istio warns on it and may drop it in a future release. Use "{1}".', site.name, chosen.canonical),
          data: { canonical: chosen.canonical },
        });
      } else {
        const options = entries.map((e) => `"${e.canonical}" (${KIND_NAMES[e.kind]} filter)`).join(' or ');
        const article = site.kind === 'http' ? 'an' : 'a';
        context.report({
          span,
          message: l10n.t('"{0}" is a deprecated Envoy filter name for {1}, but this position holds {2} {3} filter; check which filter is meant.', site.name, options, article, KIND_NAMES[site.kind]),
        });
      }
    }
  },

  fix(context: FixContext): RuleFix[] {
    const canonical = context.data?.canonical;
    if (typeof canonical !== 'string') return [];
    for (const site of filterNames(context.resource.root)) {
      const span = nodeSpan(site.node);
      if (!span || span[0] !== context.span[0] || !isScalar(site.node)) continue;
      const edit = replaceScalarText(context.section, site.node, canonical);
      return edit ? [{ title: l10n.t('Use {0}', canonical), edits: [edit], safe: true, preferred: true }] : [];
    }
    return [];
  },
};
