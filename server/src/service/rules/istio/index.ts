import type { Rule } from '../types';
import { apiVersionNotServed } from './api-version-not-served';
import { authorizationPolicyIpBlocks } from './authorization-policy-ip-blocks';
import { envoyFilterAdvisory } from './envoy-filter-advisory';
import { envoyFilterDeprecatedName } from './envoy-filter-deprecated-name';
import { envoyFilterRemovedField } from './envoy-filter-removed-field';
import { envoyFilterUntypedConfig } from './envoy-filter-untyped-config';
import { envoyFilterXdsV2 } from './envoy-filter-xds-v2';
import { istioDeprecatedField } from './istio-deprecated-field';
import { legacyApiRemoved } from './legacy-api-removed';
import { serviceEntryOssm3Incompatible } from './service-entry-ossm3-incompatible';
import { serviceMeshExtensionInvalidPhase } from './service-mesh-extension-invalid-phase';
import { serviceMeshExtensionRemoved } from './service-mesh-extension-removed';
import { unresolvedPlaceholder } from './unresolved-placeholder';

/**
 * Rules for Istio resources (EnvoyFilter, AuthorizationPolicy, apiVersions served, …).
 * Invalid PeerAuthentication/DestinationRule/Gateway TLS modes have no rule here:
 * the schema layer reports them (test/rules/istio-no-duplicates.test.ts).
 */
export const ISTIO_RULES: readonly Rule[] = [
  legacyApiRemoved,
  serviceMeshExtensionRemoved,
  serviceMeshExtensionInvalidPhase,
  apiVersionNotServed,
  authorizationPolicyIpBlocks,
  envoyFilterAdvisory,
  envoyFilterXdsV2,
  envoyFilterUntypedConfig,
  envoyFilterDeprecatedName,
  envoyFilterRemovedField,
  serviceEntryOssm3Incompatible,
  istioDeprecatedField,
  unresolvedPlaceholder,
];
