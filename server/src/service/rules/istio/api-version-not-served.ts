import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { nodeSpan } from '../../core/ast';
import { firstServedIn, isTrackedKind, SERVED_ISTIO_APIS, servedVersions, versionServedFrom } from './support/served-apis';
import { replaceScalarText } from './support/scalar-edit';
import * as l10n from '@vscode/l10n';

/**
 * An Istio apiVersion the target control plane's CRDs do not serve: the API
 * server answers `no matches for kind` and nothing is created. Typical source:
 * upstream Istio samples written for Istio 1.22+ (`networking.istio.io/v1`).
 */
export const apiVersionNotServed: Rule = {
  meta: {
    id: 'api-version-not-served',
    category: 'invalid',
    severity: 'error',
    appliesTo: { groups: Object.keys(SERVED_ISTIO_APIS) },
    fixable: true,
    summary: 'An Istio apiVersion (such as `networking.istio.io/v1`) that the target control plane does not serve.',
  },

  check(context: RuleContext) {
    const { group, version, kind, apiVersion, apiVersionPair } = context.resource;
    if (!isTrackedKind(group, kind)) return;
    const span = nodeSpan(apiVersionPair?.value);
    if (!span) return;
    const served = servedVersions(group, kind, context.target);
    if (served.includes(version ?? '')) return;
    if (served.length === 0) {
      context.report({
        span,
        message: l10n.t('{0} is not available on {1}: its CRD is installed from {2} on, so the API server rejects this resource. Raise the target control plane or drop the resource.', kind ?? '', context.target.name, firstServedIn(group, kind) ?? ''),
      });
      return;
    }
    const newest = served[served.length - 1];
    const laterFrom = versionServedFrom(group, kind, version);
    const reason = laterFrom
      ? l10n.t('it is served from {0} on', laterFrom)
      : l10n.t('no OpenShift Service Mesh 2.x release serves it, since it arrived with Istio 1.22 (OpenShift Service Mesh 3)');
    context.report({
      span,
      message: l10n.t('`{0}` {1} is not served by {2}: {3}. The API server answers "no matches for kind". Use `{4}/{5}`{6}.', apiVersion ?? '', kind ?? '', context.target.name, reason, group ?? '', newest, served.length > 1 ? l10n.t(' (served: {0})', served.join(', ')) : ''),
      data: { apiVersion: `${group}/${newest}` },
    });
  },

  fix(context: FixContext): RuleFix[] {
    const replacement = context.data?.apiVersion;
    if (typeof replacement !== 'string') return [];
    const edit = replaceScalarText(context.section, context.resource.apiVersionPair?.value, replacement);
    // Istio's versions of a kind share one schema, so only the apiVersion changes.
    return edit ? [{ title: l10n.t('Change apiVersion to {0}', replacement), edits: [edit], safe: true, preferred: true }] : [];
  },
};
