import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { nodeSpan } from '../../ast';
import { firstServedIn, isTrackedKind, SERVED_ISTIO_APIS, servedVersions, versionServedFrom } from './served-apis';
import { replaceScalarText } from './scalar-edit';

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
        message: `${kind} is not available on ${context.target.name}: its CRD is installed from ${firstServedIn(group, kind)} on, so the API server rejects this resource. Raise the target control plane or drop the resource.`,
      });
      return;
    }
    const newest = served[served.length - 1];
    const laterFrom = versionServedFrom(group, kind, version);
    const reason = laterFrom
      ? `it is served from ${laterFrom} on`
      : 'no OpenShift Service Mesh 2.x release serves it, since it arrived with Istio 1.22 (OpenShift Service Mesh 3)';
    context.report({
      span,
      message: `\`${apiVersion}\` ${kind} is not served by ${context.target.name}: ${reason}. The API server answers "no matches for kind". Use \`${group}/${newest}\`${served.length > 1 ? ` (served: ${served.join(', ')})` : ''}.`,
      data: { apiVersion: `${group}/${newest}` },
    });
  },

  fix(context: FixContext): RuleFix[] {
    const replacement = context.data?.apiVersion;
    if (typeof replacement !== 'string') return [];
    const edit = replaceScalarText(context.section, context.resource.apiVersionPair?.value, replacement);
    // Istio's versions of a kind share one schema, so only the apiVersion changes.
    return edit ? [{ title: `Change apiVersion to ${replacement}`, edits: [edit], safe: true, preferred: true }] : [];
  },
};
