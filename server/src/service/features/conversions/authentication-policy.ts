import type { ResourceIdentity } from '../../core/resources';
import { emitYaml, GeneratedComment } from './emit';
import { carriedMetadata, hasPath, isPlainObject, listAt, textAt } from './resource-values';
import type { Conversion, ConversionInput, ConversionResult } from './types';
import * as l10n from '@vscode/l10n';

/**
 * `authentication.istio.io/v1alpha1` Policy (ignored from Istio 1.6 / OSSM
 * 2.0) → PeerAuthentication for `peers`, RequestAuthentication for
 * `origins`, and an AuthorizationPolicy that keeps requiring the token the
 * way origin authentication did (all paths, or as `triggerRules` say).
 */
export const authenticationPolicyConversion: Conversion = {
  id: 'authentication-policy-to-security',
  appliesTo: (r) => r.apiVersion === 'authentication.istio.io/v1alpha1' && r.kind === 'Policy',
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource } = input;
    const targets = listAt(resource, ['spec', 'targets']).filter(isPlainObject);
    const documents: string[] = [];
    if (targets.length === 0) documents.push(...policyDocuments(resource, { name: resource.name, namespace: resource.namespace }));
    for (const target of targets) {
      const service = typeof target.name === 'string' ? target.name : undefined;
      const name = targets.length > 1 && service ? `${resource.name}-${service}` : resource.name;
      const ports = (Array.isArray(target.ports) ? target.ports : []).map((p) => (isPlainObject(p) ? p.number : undefined)).filter((n): n is number => typeof n === 'number');
      documents.push(...policyDocuments(resource, { name, namespace: resource.namespace, service, ports }));
    }
    if (documents.length === 0) return undefined;
    return { title: l10n.t('Convert to PeerAuthentication, RequestAuthentication and AuthorizationPolicy (security.istio.io/v1beta1)'), documents };
  },
};

export interface PolicyScope {
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** The target service: the new resources select its pods. */
  readonly service?: string;
  /** Ports the target named: mTLS applies to those only. */
  readonly ports?: readonly number[];
  /** Mesh-wide (MeshPolicy): peer authentication is written even without `peers`. */
  readonly meshWide?: boolean;
  /** Comments above the first document. */
  readonly header?: readonly string[];
}

const SECURITY_API = 'security.istio.io/v1beta1';

/** The new documents for one scope of a Policy or MeshPolicy. */
export function policyDocuments(resource: ResourceIdentity, scope: PolicyScope): string[] {
  const documents: string[] = [];
  const metadata = carriedMetadata(resource, scope.name, scope.namespace);
  const selector = scope.service ? { matchLabels: { app: scope.service } } : undefined;
  const selectorComment = (path: string[]): GeneratedComment[] =>
    scope.service ? [{ path: [...path, 'selector', 'matchLabels', 'app'], before: `placeholder: use the pod labels the ${scope.service} service selects` }] : [];
  let header = [...(scope.header ?? [])];

  const peerMode = mtlsMode(resource);
  if (peerMode || scope.meshWide) {
    const mode = peerMode ?? 'PERMISSIVE';
    const spec: Record<string, unknown> = {};
    if (selector) spec.selector = selector;
    if (scope.ports && scope.ports.length > 0) spec.portLevelMtls = new Map(scope.ports.map((p) => [p, { mode }]));
    else spec.mtls = { mode };
    const where = scope.ports && scope.ports.length > 0 ? ` on port${scope.ports.length > 1 ? 's' : ''} ${scope.ports.join(', ')}` : '';
    header.push(peerMode ? `Peer authentication: mTLS ${mode}${where}.` : 'The mesh policy set no peer authentication; PERMISSIVE accepts plain text as before, and mTLS too.');
    documents.push(emitYaml({ apiVersion: SECURITY_API, kind: 'PeerAuthentication', metadata, spec }, selectorComment(['spec']), header));
    header = [];
  }

  const origins = listAt(resource, ['spec', 'origins']).filter(isPlainObject);
  const jwts = origins.map((o) => o.jwt).filter(isPlainObject);
  if (jwts.length === 0) return documents;
  const spec: Record<string, unknown> = {};
  if (selector) spec.selector = selector;
  spec.jwtRules = jwts.map(jwtRule);
  header.push('End-user authentication: the JWT issuers the origins accepted.');
  documents.push(emitYaml({ apiVersion: SECURITY_API, kind: 'RequestAuthentication', metadata, spec }, selectorComment(['spec']), header));

  if (textAt(resource, ['spec', 'originIsOptional']) === 'true') return documents;
  documents.push(tokenRequiredPolicy(resource, metadata, selector, jwts, selectorComment(['spec'])));
  return documents;
}

/** `peers: [{mtls: …}]`: STRICT unless the mode says otherwise (an empty `mtls:` means STRICT). */
function mtlsMode(resource: ResourceIdentity): string | undefined {
  const peers = listAt(resource, ['spec', 'peers']);
  for (let i = 0; i < peers.length; i++) {
    if (!hasPath(resource, ['spec', 'peers', i, 'mtls'])) continue;
    const mode = textAt(resource, ['spec', 'peers', i, 'mtls', 'mode']);
    return mode === 'PERMISSIVE' ? 'PERMISSIVE' : 'STRICT';
  }
  return undefined;
}

function jwtRule(jwt: Record<string, unknown>): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  for (const key of ['issuer', 'audiences', 'jwksUri', 'jwks', 'forwardOriginalToken', 'outputPayloadToHeader']) {
    if (jwt[key] !== undefined) rule[key] = jwt[key];
  }
  const headers = (jwt.jwtHeaders ?? jwt.jwt_headers) as unknown;
  if (Array.isArray(headers)) rule.fromHeaders = headers.map((name) => ({ name }));
  const params = (jwt.jwtParams ?? jwt.jwt_params) as unknown;
  if (Array.isArray(params)) rule.fromParams = params;
  return rule;
}

/** AuthorizationPolicy paths for a v1alpha1 StringMatch (regex has no equivalent). */
function pathOf(match: unknown): string | undefined {
  if (!isPlainObject(match)) return undefined;
  if (typeof match.exact === 'string') return match.exact;
  if (typeof match.prefix === 'string') return `${match.prefix}*`;
  if (typeof match.suffix === 'string') return `*${match.suffix}`;
  return undefined;
}

function tokenRequiredPolicy(
  resource: ResourceIdentity,
  metadata: Record<string, unknown>,
  selector: unknown,
  jwts: readonly Record<string, unknown>[],
  comments: GeneratedComment[],
): string {
  const excluded: string[] = [];
  const included: string[] = [];
  const unconverted: string[] = [];
  for (const jwt of jwts) {
    const triggers = (jwt.triggerRules ?? jwt.trigger_rules) as unknown;
    for (const trigger of Array.isArray(triggers) ? triggers.filter(isPlainObject) : []) {
      for (const [list, into] of [
        [trigger.excludedPaths ?? trigger.excluded_paths, excluded],
        [trigger.includedPaths ?? trigger.included_paths, included],
      ] as const) {
        for (const match of Array.isArray(list) ? list : []) {
          const path = pathOf(match);
          if (path === undefined) unconverted.push(JSON.stringify(match));
          else into.push(path);
        }
      }
    }
  }
  // Origin authentication rejected a request without a valid token whatever
  // principalBinding said (it only chose which identity became the principal),
  // so the token requirement is always `requestPrincipals`. Matching `principals`
  // instead would let token-less requests through on any mTLS connection.
  const usePeer = textAt(resource, ['spec', 'principalBinding']) !== 'USE_ORIGIN';
  const source = { requestPrincipals: ['*'] };
  const tokenPaths: Record<string, unknown> = {};
  if (included.length > 0) tokenPaths.paths = included;
  if (excluded.length > 0) tokenPaths.notPaths = excluded;
  const rules: Record<string, unknown>[] = [];
  const tokenRule: Record<string, unknown> = { from: [{ source }] };
  if (Object.keys(tokenPaths).length > 0) tokenRule.to = [{ operation: tokenPaths }];
  rules.push(tokenRule);
  if (included.length > 0) rules.push({ to: [{ operation: { notPaths: included } }] });
  if (excluded.length > 0) rules.push({ to: [{ operation: { paths: excluded } }] });

  const spec: Record<string, unknown> = {};
  if (selector) spec.selector = selector;
  spec.action = 'ALLOW';
  spec.rules = rules;
  const header = [
    excluded.length + included.length > 0
      ? 'A valid token is required where the trigger rules applied it; the other paths need none.'
      : 'A valid token is required on every path, as the origins required.',
  ];
  if (usePeer) header.push('principalBinding USE_PEER only chose the peer identity as the principal; origin authentication still required the token, so the rule matches requestPrincipals.');
  if (unconverted.length > 0) header.push(`Trigger rules with regex paths have no AuthorizationPolicy form and were left out: ${unconverted.join(', ')}`);
  return emitYaml({ apiVersion: SECURITY_API, kind: 'AuthorizationPolicy', metadata, spec }, comments, header);
}
