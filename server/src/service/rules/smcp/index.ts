import type { Rule } from '../types';
import { smcp3scaleRemoved } from './smcp-3scale-removed';
import { smcpBehaviourChanges } from './smcp-behaviour-changes';
import { smcpCipherSuitesRemoved } from './smcp-cipher-suites-removed';
import { smcpControlPlaneMtls } from './smcp-control-plane-mtls';
import { smcpDiscoverySelectorsMode } from './smcp-discovery-selectors-mode';
import { smcpDurationInvalid } from './smcp-duration-invalid';
import { smcpExtensionProviderInvalid } from './smcp-extension-provider-invalid';
import { smcpFirstPartyJwt } from './smcp-first-party-jwt';
import { smcpGatewayExternalIps } from './smcp-gateway-external-ips';
import { smcpGatewayNameConflict } from './smcp-gateway-name-conflict';
import { smcpGrafanaDeprecated } from './smcp-grafana-deprecated';
import { smcpIorDefaultChanged } from './smcp-ior-default-changed';
import { smcpIorDeprecated } from './smcp-ior-deprecated';
import { smcpIstiodLogLevel } from './smcp-istiod-log-level';
import { smcpJaegerDeprecated } from './smcp-jaeger-deprecated';
import { smcpKialiDeploymentDeprecated } from './smcp-kiali-deployment-deprecated';
import { smcpKialiNeedsPrometheus } from './smcp-kiali-needs-prometheus';
import { smcpMeshConfigVersion } from './smcp-mesh-config-version';
import { smcpMeshNetworkGatewayService } from './smcp-mesh-network-gateway-service';
import { smcpMixerPolicyRemoved } from './smcp-mixer-policy-removed';
import { smcpMixerTelemetryRemoved } from './smcp-mixer-telemetry-removed';
import { smcpModeVersion } from './smcp-mode-version';
import { smcpOperatorNamespace } from './smcp-operator-namespace';
import { smcpProtocolAutodetect } from './smcp-protocol-autodetect';
import { smcpRemotePolicyTelemetry } from './smcp-remote-policy-telemetry';
import { smcpRuntimeAffinity } from './smcp-runtime-affinity';
import { smcpRuntimeComponentVersion } from './smcp-runtime-component-version';
import { smcpTemplateDeprecated } from './smcp-template-deprecated';
import { smcpTracingDefaultChanged } from './smcp-tracing-default-changed';
import { smcpTracingSamplingRange } from './smcp-tracing-sampling-range';
import { smcpUpgradePath } from './smcp-upgrade-path';
import { smcpV1Resource } from './smcp-v1-resource';
import { smcpVersion } from './smcp-version';
import { smcpZipkinProviderTracing } from './smcp-zipkin-provider-tracing';
import { smmNameNotDefault } from './smm-name-not-default';
import { smmrInvalidMember } from './smmr-invalid-member';
import { smmrMembersWithSelectors } from './smmr-members-with-selectors';
import { smmrNameNotDefault } from './smmr-name-not-default';

/** ServiceMeshControlPlane, ServiceMeshMemberRoll and ServiceMeshMember rules. */
export const SMCP_RULES: readonly Rule[] = [
  // The control plane's version and its upgrade.
  smcpVersion,
  smcpUpgradePath,
  smcpBehaviourChanges,
  smcpV1Resource,
  smcpTemplateDeprecated,
  // Removed in v2.1.
  smcpMixerPolicyRemoved,
  smcpMixerTelemetryRemoved,
  smcp3scaleRemoved,
  smcpRuntimeAffinity,
  smcpProtocolAutodetect,
  // Fields bound to versions.
  smcpModeVersion,
  smcpMeshConfigVersion,
  smcpDiscoverySelectorsMode,
  smcpExtensionProviderInvalid,
  smcpZipkinProviderTracing,
  smcpRuntimeComponentVersion,
  smcpIstiodLogLevel,
  smcpDurationInvalid,
  smcpCipherSuitesRemoved,
  // Gateways.
  smcpGatewayNameConflict,
  smcpGatewayExternalIps,
  smcpIorDeprecated,
  smcpIorDefaultChanged,
  // Tracing, add-ons and security.
  smcpJaegerDeprecated,
  smcpTracingDefaultChanged,
  smcpTracingSamplingRange,
  smcpGrafanaDeprecated,
  smcpKialiDeploymentDeprecated,
  smcpKialiNeedsPrometheus,
  smcpMeshNetworkGatewayService,
  smcpFirstPartyJwt,
  smcpControlPlaneMtls,
  smcpRemotePolicyTelemetry,
  // Membership and placement.
  smcpOperatorNamespace,
  smmrNameNotDefault,
  smmrMembersWithSelectors,
  smmrInvalidMember,
  smmNameNotDefault,
];
