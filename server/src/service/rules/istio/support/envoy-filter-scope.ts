import type { RuleScope } from '../../types';

/** EnvoyFilter exists only as v1alpha3; other versions are api-version-not-served's business. */
export const ENVOY_FILTER_SCOPE: RuleScope = { groups: ['networking.istio.io'], kinds: ['EnvoyFilter'] };
