import { getNode, getPair, keySpan, nodeSpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

function advice(): string {
  return l10n.t('v2.6 is the last release that ships the Jaeger and Elasticsearch operators, and OSSM 3 has neither: move tracing to the Tempo operator with an OpenTelemetry collector (an `opentelemetry` extension provider and a Telemetry resource).');
}

export const smcpJaegerDeprecated: Rule = {
  meta: {
    id: 'smcp-jaeger-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    // The v2.5 release notes deprecate the Jaeger operator.
    versions: { deprecatedIn: 'v2.5' },
    gate: { from: 'deprecatedIn' },
    fixable: false,
    deprecated: true,
    summary: 'Jaeger tracing (`spec.tracing.type: Jaeger`, `spec.addons.jaeger`) goes away after v2.6.',
  },
  check(context) {
    const typeNode = getNode(context.resource.root, ['spec', 'tracing', 'type']);
    const typeSpan = nodeSpan(typeNode);
    if (scalarText(typeNode) === 'Jaeger' && typeSpan) {
      context.report({ span: typeSpan, message: l10n.t('Tracing with Jaeger is deprecated. {0}', advice()) });
    }
    const addon = getPair(context.resource.root, ['spec', 'addons', 'jaeger']);
    const addonSpan = addon && keySpan(addon);
    if (addonSpan) context.report({ span: addonSpan, message: l10n.t('The Jaeger add-on is deprecated. {0}', advice()) });
  },
};
