import type { Rule } from '../types';

/** Rules for Istio resources (EnvoyFilter, AuthorizationPolicy, apiVersions served, …). */
export const ISTIO_RULES: readonly Rule[] = [];
