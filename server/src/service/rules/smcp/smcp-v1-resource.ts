import { getPair, nodeSpan } from '../../core/ast';
import { atLeast, parseKnownVersion } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V1 } from './support/scope';
import { isUnsetVersion, versionField } from './support/version-text';
import * as l10n from '@vscode/l10n';

const WEBHOOK_MESSAGE = 'must use v2 ServiceMeshControlPlane resource for v2.0+ installations';

/** Parts of a v1 spec that have no place in v2.1+, named so the message says what conversion loses. */
function mixerEraParts(context: Parameters<Rule['check']>[0]): string[] {
  const parts: string[] = [];
  if (getPair(context.resource.root, ['spec', 'istio', 'mixer'])) parts.push('Mixer (`spec.istio.mixer`)');
  if (getPair(context.resource.root, ['spec', 'threeScale'])) parts.push('the 3scale adapter (`spec.threeScale`)');
  return parts;
}

export const smcpV1Resource: Rule = {
  meta: {
    id: 'smcp-v1-resource',
    category: 'upgrade-blocker',
    severity: 'warning',
    appliesTo: SMCP_V1,
    fixable: false,
    deprecated: true,
    summary: 'A `maistra.io/v1` ServiceMeshControlPlane is the OSSM 1.x form; the operator refuses it for v2.0 and later.',
  },
  check(context) {
    const span = nodeSpan(context.resource.apiVersionPair?.value);
    if (!span) return;
    const field = versionField(context.section, context.resource);
    const version = field ? parseKnownVersion(field.text) : undefined;
    const removed = mixerEraParts(context);
    const removedNote = removed.length > 0 ? l10n.t(' It also configures {0}, which v2.1 and later do not have: replace rather than convert.', removed.join(' and ')) : '';
    const advice =
      l10n.t('Rewrite it as `maistra.io/v2` (the Helm values under `spec.istio` map to typed v2 fields; `oc get smcp -o yaml` shows the v2 view) and create it as a new control plane: an in-place upgrade from v1.x to v2.0 is not supported.');
    // A version that does not parse is smcp-version's finding; this rule then only gives the conversion advice.
    if (isUnsetVersion(field) || (version !== undefined && atLeast(version, 'v2.0'))) {
      const which = version ? version.name : l10n.t('the operator\'s newest version, which it fills in because `spec.version` is unset ({0} for the target)', context.target.name);
      context.report({
        span,
        severity: 'error',
        message: l10n.t('A `maistra.io/v1` control plane cannot run {0}: the webhook says "{1}". {2}{3}', which, WEBHOOK_MESSAGE, advice, removedNote),
      });
      return;
    }
    context.report({
      span,
      message: l10n.t('`maistra.io/v1` describes an OSSM {0} control plane, which current operators no longer reconcile. {1}{2}', version?.name ?? '1.x', advice, removedNote),
    });
  },
};
