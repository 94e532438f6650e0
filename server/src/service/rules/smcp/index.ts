import type { Rule } from '../types';
import { smcpMixerPolicyRemoved } from './smcp-mixer-policy-removed';
import { smcpMixerTelemetryRemoved } from './smcp-mixer-telemetry-removed';

/** ServiceMeshControlPlane, ServiceMeshMemberRoll and ServiceMeshMember rules. */
export const SMCP_RULES: readonly Rule[] = [smcpMixerPolicyRemoved, smcpMixerTelemetryRemoved];
