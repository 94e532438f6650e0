import { nodeSpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { ENVOY_FILTER_SCOPE } from './support/envoy-filter-scope';
import { configPatches, stringValues } from './support/envoy-filter-walk';
import { replaceScalarText } from './support/scalar-edit';
import { isXdsV2Type, v3TypeFor } from './support/xds-v2-types';
import * as l10n from '@vscode/l10n';

function* v2Types(root: unknown) {
  for (const patch of configPatches(root)) {
    for (const scalar of stringValues(patch.value)) {
      if (isXdsV2Type(scalar.value as string)) yield scalar;
    }
  }
}

export const envoyFilterXdsV2: Rule = {
  meta: {
    id: 'envoy-filter-xds-v2',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: ENVOY_FILTER_SCOPE,
    versions: { removedIn: 'v2.1' },
    gate: { from: 'removedIn' },
    fixable: true,
    deprecated: true,
    summary: 'An xDS v2 type (`envoy.config.filter.*.v2.*`, `envoy.api.v2.*`) in an EnvoyFilter; Envoy rejects v2 from v2.1.',
  },

  check(context: RuleContext) {
    for (const scalar of v2Types(context.resource.root)) {
      const span = nodeSpan(scalar);
      if (!span) continue;
      const value = (scalar.value as string).trim();
      const v3 = v3TypeFor(value);
      const advice = v3
        ? l10n.t('Use the v3 type "{0}" and check the fields against its v3 message, which drops deprecated v2 fields.', v3)
        : l10n.t('Rewrite the patch against the matching Envoy v3 API; this type has no one-to-one v3 name.');
      context.report({
        span,
        message: l10n.t('"{0}" is an xDS v2 type. Envoy removed the v2 API, and from v2.1 (Istio 1.9) the proxy rejects the patch ("The v2 xDS major version is deprecated and disabled by default"). {1}', value, advice),
        data: v3 ? { v3 } : undefined,
      });
    }
  },

  fix(context: FixContext): RuleFix[] {
    const v3 = context.data?.v3;
    if (typeof v3 !== 'string') return [];
    for (const scalar of v2Types(context.resource.root)) {
      const span = nodeSpan(scalar);
      if (!span || span[0] !== context.span[0]) continue;
      const edit = replaceScalarText(context.section, scalar, v3);
      // The v3 message may lack fields the v2 one had: review before applying.
      return edit ? [{ title: l10n.t('Use {0}', v3), edits: [edit], safe: false, preferred: true }] : [];
    }
    return [];
  },
};
