import type { RuleScope } from '../../types';

/** The storage version of the control-plane resource; almost every SMCP rule is about it. */
export const SMCP_V2: RuleScope = { apiVersions: ['maistra.io/v2'], kinds: ['ServiceMeshControlPlane'] };
/** Both served versions of the control-plane resource. */
export const SMCP_ANY: RuleScope = { groups: ['maistra.io'], kinds: ['ServiceMeshControlPlane'] };
export const SMCP_V1: RuleScope = { apiVersions: ['maistra.io/v1'], kinds: ['ServiceMeshControlPlane'] };
export const SMMR: RuleScope = { groups: ['maistra.io'], kinds: ['ServiceMeshMemberRoll'] };
export const SMM: RuleScope = { groups: ['maistra.io'], kinds: ['ServiceMeshMember'] };
