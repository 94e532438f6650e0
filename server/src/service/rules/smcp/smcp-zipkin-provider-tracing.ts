import * as l10n from '@vscode/l10n';
import { asSeq, entries, getNode, keySpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';

export const smcpZipkinProviderTracing: Rule = {
  meta: {
    id: 'smcp-zipkin-provider-tracing',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.5' },
    fixable: false,
    summary: 'A zipkin extension provider cannot be combined with `spec.tracing.type` Jaeger or Stackdriver.',
  },
  check(context) {
    const tracing = scalarText(getNode(context.resource.root, ['spec', 'tracing', 'type']));
    if (tracing !== 'Jaeger' && tracing !== 'Stackdriver') return;
    const providers = asSeq(getNode(context.resource.root, ['spec', 'meshConfig', 'extensionProviders']));
    for (const item of providers?.items ?? []) {
      const name = scalarText(getNode(item, ['name'])) ?? '';
      for (const [key, pair] of entries(item)) {
        const span = keySpan(pair);
        if (key !== 'zipkin' || !span) continue;
        context.report({
          span,
          message:
            l10n.t('Tracing is already configured by `spec.tracing.type: {0}`, so a zipkin extension provider is refused ("extension provider \'{1}\' can not define zipkin provider when spec.tracing.type is Jaeger or Stackdriver"). Set `spec.tracing.type: None` and trace through the provider, or remove the provider.', tracing, name),
        });
      }
    }
  },
};
