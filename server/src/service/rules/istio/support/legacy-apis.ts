import * as l10n from '@vscode/l10n';
import { atLeast, MeshVersion } from '../../../core/versions';

/** How a 2.x control plane treats a legacy resource. */
export type LegacyStatus =
  /** The CRD is not installed: the API server rejects the resource. */
  | 'not-served'
  /** The CRD is installed but nothing reads it: the resource enforces nothing. */
  | 'ignored'
  /** Still read, but only by Mixer, which v2.1 removes. */
  | 'mixer-only';

export interface LegacyApi {
  readonly group: string;
  /** Kinds this entry covers; absent means every kind of the group. */
  readonly kinds?: readonly string[];
  /** What to write instead, in a sentence fragment. */
  readonly replacement: string;
  /** Names the conversion a quick fix (owned elsewhere) can perform. */
  readonly conversion?: string;
  status(target: MeshVersion, kind: string | undefined): LegacyStatus;
}

/** v2.0 still installs these rbac.istio.io CRDs (ignored); ClusterRbacConfig's it never did. */
const V2_0_RBAC_CRDS = ['RbacConfig', 'ServiceRole', 'ServiceRoleBinding'];
const rbacStatus = (target: MeshVersion, kind: string | undefined): LegacyStatus =>
  atLeast(target, 'v2.1') || !V2_0_RBAC_CRDS.includes(kind ?? '') ? 'not-served' : 'ignored';

/**
 * The pre-2.0 security and Mixer APIs (DOMAIN §5–7.2): Istio 1.6 (OpenShift
 * Service Mesh 2.0) ignores the v1alpha1 security APIs, Istio 1.8 dropped Mixer,
 * and the 2.x charts stop installing their CRDs in v2.1. The Maistra 1.x
 * replacements for MeshPolicy and ClusterRbacConfig keep their CRDs but are
 * not supported by any 2.x control plane.
 */
export const LEGACY_APIS: readonly LegacyApi[] = [
  {
    group: 'authentication.istio.io',
    kinds: ['Policy'],
    // A RequestAuthentication alone accepts requests that carry no token, so the
    // advice must name the AuthorizationPolicy that keeps the token required.
    get replacement() {
    return l10n.t('`security.istio.io/v1beta1` resources: a PeerAuthentication for `peers[].mtls` (`spec.mtls.mode`, with `targets` becoming `selector.matchLabels`); for `origins[].jwt`, a RequestAuthentication (`spec.jwtRules`) and an AuthorizationPolicy that allows only requests with `requestPrincipals: ["*"]` (`triggerRules` `includedPaths`/`excludedPaths` become its `paths`/`notPaths`), because a RequestAuthentication alone lets requests without a token through');
  },
    conversion: 'policy-to-peerauthentication',
    status: () => 'not-served',
  },
  {
    group: 'authentication.istio.io',
    kinds: ['MeshPolicy'],
    get replacement() {
    return l10n.t('a PeerAuthentication named `default` in the control-plane namespace, which applies to the whole mesh');
  },
    conversion: 'meshpolicy-to-peerauthentication',
    status: () => 'not-served',
  },
  {
    group: 'authentication.istio.io',
    get replacement() {
    return l10n.t('PeerAuthentication, and for JWT a RequestAuthentication with an AuthorizationPolicy requiring `requestPrincipals` (`security.istio.io/v1beta1`)');
  },
    status: () => 'not-served',
  },
  {
    group: 'rbac.istio.io',
    kinds: ['RbacConfig', 'ClusterRbacConfig'],
    get replacement() {
    return l10n.t('AuthorizationPolicy: mode `ON` becomes an empty AuthorizationPolicy (`spec: {}`, deny by default) in each namespace, `ON_WITH_INCLUSION` one per included namespace; `ON_WITH_EXCLUSION` has no equivalent');
  },
    conversion: 'rbacconfig-to-authorizationpolicy',
    status: rbacStatus,
  },
  {
    group: 'rbac.istio.io',
    kinds: ['ServiceRole', 'ServiceRoleBinding'],
    replacement:
      'an AuthorizationPolicy (`security.istio.io/v1beta1`): the ServiceRole\'s rules become `rules[].to.operation`, the binding\'s subjects `rules[].from.source`',
    conversion: 'servicerole-to-authorizationpolicy',
    status: rbacStatus,
  },
  {
    group: 'rbac.istio.io',
    replacement: 'AuthorizationPolicy (`security.istio.io/v1beta1`)',
    status: rbacStatus,
  },
  {
    group: 'config.istio.io',
    get replacement() {
    return l10n.t('the Telemetry API for metrics and access logs, AuthorizationPolicy for allow and deny lists, and a WasmPlugin (or EnvoyFilter) for custom adapters such as rate limiting');
  },
    status: (target) => (atLeast(target, 'v2.1') ? 'not-served' : 'mixer-only'),
  },
  {
    group: 'authentication.maistra.io',
    kinds: ['ServiceMeshPolicy'],
    get replacement() {
    return l10n.t('`spec.security.dataPlane.mtls: true` on the ServiceMeshControlPlane (v1: `spec.istio.global.mtls.enabled: true`) for mesh-wide mTLS, which makes the operator create the mesh-wide PeerAuthentication; for `origins[].jwt`, a RequestAuthentication and an AuthorizationPolicy requiring `requestPrincipals` in the control-plane namespace');
  },
    conversion: 'servicemeshpolicy-to-peerauthentication',
    status: () => 'ignored',
  },
  {
    group: 'rbac.maistra.io',
    kinds: ['ServiceMeshRbacConfig'],
    get replacement() {
    return l10n.t('AuthorizationPolicy resources (an empty `spec: {}` policy denies by default) in the control-plane namespace');
  },
    conversion: 'servicemeshrbacconfig-to-authorizationpolicy',
    status: () => 'ignored',
  },
];

export const LEGACY_GROUPS: readonly string[] = [...new Set(LEGACY_APIS.map((a) => a.group))];

export function legacyApiFor(group: string | undefined, kind: string | undefined): LegacyApi | undefined {
  return LEGACY_APIS.find((a) => a.group === group && (a.kinds === undefined || a.kinds.includes(kind ?? '')));
}
