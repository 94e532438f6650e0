import { asMap, asSeq, findPair, getNode, keySpan, nodeSpan, scalarText } from '../../core/ast';
import { atLeast } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { effectiveSmcpVersion } from '../../core/smcp-version-of';
import * as l10n from '@vscode/l10n';

const V2_4_TYPES = ['prometheus', 'envoyExtAuthzHttp', 'envoyExtAuthzGrpc'];
const V2_5_TYPES = ['prometheus', 'zipkin', 'opentelemetry', 'envoyOtelAls', 'envoyExtAuthzHttp', 'envoyExtAuthzGrpc'];

/** "prometheus, zipkin, or envoyExtAuthzGrpc", the way the webhook lists them. */
function typeList(types: readonly string[]): string {
  return `${types.slice(0, -1).join(', ')}, or ${types[types.length - 1]}`;
}

export const smcpExtensionProviderInvalid: Rule = {
  meta: {
    id: 'smcp-extension-provider-invalid',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.4' },
    fixable: false,
    summary: 'Each `spec.meshConfig.extensionProviders` entry needs a name and exactly one provider type.',
  },
  check(context) {
    const providers = asSeq(getNode(context.resource.root, ['spec', 'meshConfig', 'extensionProviders']));
    if (!providers) return;
    // The message lists the types of the version the webhook validates against; unknown keys are the schema's business.
    const listed = atLeast(effectiveSmcpVersion(context), 'v2.5') ? V2_5_TYPES : V2_4_TYPES;
    for (const item of providers.items) {
      const provider = asMap(item);
      const itemSpan = nodeSpan(item);
      if (!provider || !itemSpan) continue;
      const namePair = findPair(provider, 'name');
      const name = scalarText(namePair?.value) ?? '';
      const firstKey = provider.items[0] ? keySpan(provider.items[0]) : undefined;
      const anchor = (namePair && (nodeSpan(namePair.value) ?? keySpan(namePair))) ?? firstKey ?? itemSpan;
      if (name === '') {
        context.report({ span: anchor, message: l10n.t('An extension provider needs a name, which Telemetry and AuthorizationPolicy resources use to refer to it ("extension provider name cannot be empty").') });
      }
      const types = provider.items.filter((p) => V2_5_TYPES.includes(scalarText(p.key) ?? ''));
      if (types.length === 0) {
        context.report({
          span: anchor,
          message: l10n.t('Extension provider \'{0}\' does not say what it is; it needs exactly one of {1} ("extension provider \'{2}\' does not define any provider - it must specify one of: {3}").', name, typeList(listed), name, typeList(listed)),
        });
      }
      for (const extra of types.slice(1)) {
        const span = keySpan(extra);
        if (!span) continue;
        context.report({
          span,
          message: l10n.t('Extension provider \'{0}\' already has `{1}`; each entry takes exactly one type ("extension provider \'{2}\' must specify only one type of provider: {3}"). Split it into separate entries.', name, scalarText(types[0].key) ?? '', name, typeList(listed)),
        });
      }
    }
  },
};
