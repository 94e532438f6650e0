import { nodeSpan } from '../../core/ast';
import { atLeast } from '../../core/versions';
import type { Rule, RuleContext } from '../types';
import * as l10n from '@vscode/l10n';

export const SME_API_VERSIONS = ['maistra.io/v1', 'maistra.io/v1alpha1'];

/** The operator's refusal, verbatim (strategy_v2_3 validateServiceMeshExtensionsRemoved). */
const WEBHOOK_MESSAGE =
  "found a ServiceMeshExtension '%s' in namespace '%s'. ServiceMeshExtension support has been removed; please migrate existing ServiceMeshExtensions to WasmPlugin";

function webhookMessage(name: string, namespace: string): string {
  const values = [name, namespace];
  return WEBHOOK_MESSAGE.replace(/%s/g, () => values.shift() ?? '');
}

/**
 * ServiceMeshExtension: deprecated in v2.2 (WasmPlugin arrives), removed in
 * v2.3, where the operator refuses the control-plane upgrade while any exists.
 */
export const serviceMeshExtensionRemoved: Rule = {
  meta: {
    id: 'service-mesh-extension-removed',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: { apiVersions: SME_API_VERSIONS, kinds: ['ServiceMeshExtension'] },
    versions: { deprecatedIn: 'v2.2', removedIn: 'v2.3' },
    gate: { from: 'deprecatedIn' },
    fixable: false,
    deprecated: true,
    summary: 'ServiceMeshExtension is deprecated in v2.2 and removed in v2.3; the upgrade is refused while one exists. Use WasmPlugin.',
  },

  check(context: RuleContext) {
    const span = nodeSpan(context.resource.kindPair?.value);
    if (!span) return;
    const data = { conversion: 'servicemeshextension-to-wasmplugin' };
    if (atLeast(context.target, 'v2.3')) {
      const { name, namespace } = context.resource;
      // The webhook names the resource and its namespace; when the file does not
      // say them, quoting the message with made-up placeholders would mislead.
      const message =
        name && namespace
          ? l10n.t('ServiceMeshExtension was removed in v2.3; the operator refuses to upgrade the control plane while one exists ("{0}"). Replace it with a WasmPlugin (`extensions.istio.io/v1alpha1`) and delete it before upgrading.', webhookMessage(name, namespace))
          : l10n.t('ServiceMeshExtension was removed in v2.3; the operator refuses to upgrade the control plane while one exists in any namespace, and names this one, in the namespace it is applied to, as found and no longer supported. Replace it with a WasmPlugin (`extensions.istio.io/v1alpha1`) and delete it before upgrading.');
      context.report({ span, message, data });
      return;
    }
    context.report({
      span,
      severity: 'warning',
      message: l10n.t('ServiceMeshExtension is deprecated in v2.2 and removed in v2.3, whose upgrade is refused while any exists. Migrate it to a WasmPlugin (`extensions.istio.io/v1alpha1`), available from v2.2.'),
      data,
    });
  },
};
