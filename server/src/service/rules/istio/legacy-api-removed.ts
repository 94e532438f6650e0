import { nodeSpan } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { LEGACY_GROUPS, legacyApiFor, LegacyStatus } from './support/legacy-apis';
import * as l10n from '@vscode/l10n';

function problem(status: LegacyStatus, subject: string, target: string): string {
  switch (status) {
    case 'not-served':
      return l10n.t('{0} is not supported by OpenShift Service Mesh 2.x: {1} does not install its CRD, so the API server rejects it ("no matches for kind")', subject, target);
    case 'ignored':
      return l10n.t('{0} is not supported by OpenShift Service Mesh 2.x: {1} still installs its CRD but no longer reads it, so it enforces nothing', subject, target);
    case 'mixer-only':
      return l10n.t('{0} configures Mixer, which a v2.0 control plane still runs on request but v2.1 removes, together with this CRD', subject);
  }
}

/**
 * Istio's pre-1.6 security APIs, Mixer configuration and their Maistra 1.x
 * variants. Reported on the kind, since the resource type itself is gone.
 */
export const legacyApiRemoved: Rule = {
  meta: {
    id: 'legacy-api-removed',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: { groups: LEGACY_GROUPS },
    versions: { removedIn: 'v2.0' },
    fixable: false,
    deprecated: true,
    summary:
      'Removed security and Mixer APIs (`authentication.istio.io`, `rbac.istio.io`, `config.istio.io`, ServiceMeshPolicy, ServiceMeshRbacConfig).',
  },

  check(context: RuleContext) {
    const { group, kind, apiVersion, kindPair } = context.resource;
    const legacy = legacyApiFor(group, kind);
    const span = nodeSpan(kindPair?.value);
    if (!legacy || !span) return;
    const status = legacy.status(context.target, kind);
    context.report({
      span,
      message: l10n.t('{0}. Replace it with {1}.', problem(status, `\`${apiVersion}\` ${kind}`, context.target.name), legacy.replacement),
      severity: status === 'mixer-only' ? 'warning' : 'error',
      data: { status, ...(legacy.conversion ? { conversion: legacy.conversion } : {}) },
    });
  },
};
