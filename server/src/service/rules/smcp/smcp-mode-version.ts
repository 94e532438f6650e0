import { getNode, getPair, keySpan, nodeSpan, scalarText } from '../../core/ast';
import { atLeast, below, sameVersion, version } from '../../core/versions';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

const V2_3 = version('v2.3');

function checkMode(context: RuleContext): void {
  const pair = getPair(context.resource.root, ['spec', 'mode']);
  const span = pair && keySpan(pair);
  if (!span) return;
  const rejection = firstRejection(context, (v) => atLeast(v, 'v2.4'));
  if (!rejection) return;
  const onV23 = sameVersion(rejection.version, V2_3);
  const quote = onV23
    ? 'the spec.mode field is not supported in version 2.3; use spec.techPreview.controlPlaneMode'
    : 'the spec.mode field is only supported in version 2.4 and above';
  context.report({
    span,
    message:
      onV23
        ? l10n.t('`spec.mode` exists from v2.4 and is refused {0} ("{1}"). On v2.3 a cluster-wide control plane is the tech preview `spec.techPreview.controlPlaneMode: ClusterScoped`.', describeRejection(rejection, context.target), quote)
        : l10n.t('`spec.mode` exists from v2.4 and is refused {0} ("{1}"). Raise `spec.version` to v2.4 or later in the same change, or remove `spec.mode`.', describeRejection(rejection, context.target), quote),
  });
}

function checkTechPreviewMode(context: RuleContext): void {
  const pair = getPair(context.resource.root, ['spec', 'techPreview', 'controlPlaneMode']);
  const span = pair && keySpan(pair);
  if (!span) return;
  const rejection = firstRejection(context, (v) => sameVersion(v, V2_3));
  if (rejection) {
    const later = atLeast(rejection.version, 'v2.4');
    const quote = later
      ? 'the spec.techPreview.controlPlaneMode field is not supported in version 2.4+; use spec.mode'
      : 'the spec.techPreview.controlPlaneMode field is only supported in version 2.3';
    context.report({
      span,
      message:
        later
          ? l10n.t('`spec.techPreview.controlPlaneMode` is the v2.3 tech preview and is refused {0} ("{1}"). From v2.4 use `spec.mode: ClusterWide` (or `MultiTenant`). A v2.3 cluster-scoped mesh is not compatible with the v2.4 cluster-wide mode: plan to recreate it rather than upgrade in place.', describeRejection(rejection, context.target), quote)
          : l10n.t('`spec.techPreview.controlPlaneMode` is the v2.3 tech preview and is refused {0} ("{1}"). It needs `spec.version: v2.3`; from v2.4 the field is `spec.mode`.', describeRejection(rejection, context.target), quote),
    });
    return;
  }
  // Accepted on v2.3 only with one of the two values the tech preview knows.
  const value = scalarText(getNode(context.resource.root, ['spec', 'techPreview', 'controlPlaneMode']));
  const valueSpan = nodeSpan(pair.value);
  if (valueSpan && value !== 'ClusterScoped' && value !== 'MultiTenant' && context.smcpVersion && !below(context.smcpVersion, 'v2.3')) {
    context.report({
      span: valueSpan,
      message: l10n.t('`{0}` is not a control-plane mode on v2.3 ("spec.techPreview.controlPlaneMode must be either MultiTenant or ClusterScoped").', value ?? ''),
    });
  }
}

export const smcpModeVersion: Rule = {
  meta: {
    id: 'smcp-mode-version',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.4' },
    fixable: false,
    summary: '`spec.mode` needs v2.4+; `spec.techPreview.controlPlaneMode` is accepted only on v2.3.',
  },
  check(context) {
    checkMode(context);
    checkTechPreviewMode(context);
  },
};
