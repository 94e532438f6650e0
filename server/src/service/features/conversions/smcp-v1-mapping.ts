/**
 * Where `maistra.io/v1` SMCP Helm values (under `spec.istio`) live in
 * `maistra.io/v2`. Facts from the operator's v1↔v2 conversion (see the
 * reference mapping table); the value converters say how a value changes
 * shape on the way. A converter returning undefined leaves the value
 * unconverted (it then goes to `spec.techPreview`).
 */

export type ValueConverter = (value: unknown) => unknown;

const commaList: ValueConverter = (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : Array.isArray(v) ? v : undefined);
const lookup =
  (table: Record<string, unknown>): ValueConverter =>
  (v) =>
    table[String(v)];
const onlyBoolean: ValueConverter = (v) => (typeof v === 'boolean' ? v : undefined);

const CONVERTERS = {
  commaList,
  /** `pilot.traceSampling` is a percentage; `spec.tracing.sampling` counts in 0.01 % steps. */
  percentToSampling: (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : undefined),
  jwtPolicy: lookup({ 'first-party-jwt': 'Kubernetes', 'third-party-jwt': 'ThirdParty' }),
  jaegerTemplate: lookup({ 'all-in-one': 'Memory', 'production-elasticsearch': 'Elasticsearch' }),
  enabledWord: lookup({ enabled: true, disabled: false }),
  cniEnabled: lookup({ true: 'CNI', false: 'InitContainer' }),
  tracingEnabled: lookup({ true: 'Jaeger', false: 'None' }),
  mixerEnabled: lookup({ true: 'Mixer', false: 'None' }),
  telemetryV2: lookup({ true: 'Istiod' }),
  certProvider: lookup({ istiod: 'Istiod', kubernetes: 'Kubernetes', custom: 'Custom' }),
  onlyBoolean,
  pullSecrets: (v: unknown) => (Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? { name: s } : s)) : undefined),
  componentLevels: (v: unknown) =>
    typeof v === 'string' ? Object.fromEntries(v.split(',').map((p) => p.split(':').map((s) => s.trim())).filter((p) => p.length === 2 && p[0] !== '')) : undefined,
} satisfies Record<string, ValueConverter>;

export interface ValueMapping {
  readonly v2: readonly string[];
  readonly convert?: ValueConverter;
}

const m = (v2: string, convert?: ValueConverter): ValueMapping => ({ v2: v2.split('.'), convert });

/** v1 path under `spec.istio` (dot-joined) → v2 path under `spec`. */
export const HELM_VALUE_MAPPINGS: Readonly<Record<string, ValueMapping>> = {
  // Security
  'global.mtls.enabled': m('security.dataPlane.mtls'),
  'global.mtls.auto': m('security.dataPlane.automtls'),
  'global.controlPlaneSecurityEnabled': m('security.controlPlane.mtls'),
  'global.tls.cipherSuites': m('security.controlPlane.tls.cipherSuites', CONVERTERS.commaList),
  'global.tls.ecdhCurves': m('security.controlPlane.tls.ecdhCurves', CONVERTERS.commaList),
  'global.tls.minProtocolVersion': m('security.controlPlane.tls.minProtocolVersion'),
  'global.tls.maxProtocolVersion': m('security.controlPlane.tls.maxProtocolVersion'),
  'global.pilotCertProvider': m('security.controlPlane.certProvider', CONVERTERS.certProvider),
  'global.jwtPolicy': m('security.identity.type', CONVERTERS.jwtPolicy),
  'global.sds.token.aud': m('security.identity.thirdParty.audience'),
  'global.trustDomain': m('security.trust.domain'),
  'global.trustDomainAliases': m('security.trust.additionalDomains'),
  'global.manageNetworkPolicy': m('security.manageNetworkPolicy'),
  'pilot.jwksResolverExtraRootCA': m('security.jwksResolverCA'),
  // Tracing and policy/telemetry
  'tracing.enabled': m('tracing.type', CONVERTERS.tracingEnabled),
  'pilot.traceSampling': m('tracing.sampling', CONVERTERS.percentToSampling),
  'mixer.policy.enabled': m('policy.type', CONVERTERS.mixerEnabled),
  'mixer.telemetry.enabled': m('telemetry.type', CONVERTERS.mixerEnabled),
  'telemetry.v2.enabled': m('telemetry.type', CONVERTERS.telemetryV2),
  // Gateways
  'gateways.enabled': m('gateways.enabled'),
  'gateways.istio-ingressgateway.ior_enabled': m('gateways.openshiftRoute.enabled'),
  'global.k8sIngress.enabled': m('gateways.ingress.ingress'),
  // Addons
  'kiali.enabled': m('addons.kiali.enabled'),
  'kiali.resourceName': m('addons.kiali.name'),
  'kiali.dashboard.viewOnlyMode': m('addons.kiali.install.dashboard.viewOnly'),
  'kiali.dashboard.enableGrafana': m('addons.kiali.install.dashboard.enableGrafana'),
  'kiali.dashboard.enablePrometheus': m('addons.kiali.install.dashboard.enablePrometheus'),
  'kiali.dashboard.enableTracing': m('addons.kiali.install.dashboard.enableTracing'),
  'kiali.dashboard.grafanaURL': m('addons.grafana.address'),
  'kiali.prometheusAddr': m('addons.prometheus.address'),
  'grafana.enabled': m('addons.grafana.enabled'),
  'grafana.env': m('addons.grafana.install.config.env'),
  'grafana.envSecrets': m('addons.grafana.install.config.envSecrets'),
  'grafana.persist': m('addons.grafana.install.persistence.enabled'),
  'grafana.storageClassName': m('addons.grafana.install.persistence.storageClassName'),
  'grafana.accessMode': m('addons.grafana.install.persistence.accessMode'),
  'grafana.persistenceResources': m('addons.grafana.install.persistence.capacity'),
  'grafana.security.enabled': m('addons.grafana.install.security.enabled'),
  'grafana.security.secretName': m('addons.grafana.install.security.secretName'),
  'grafana.security.usernameKey': m('addons.grafana.install.security.usernameKey'),
  'grafana.security.passphraseKey': m('addons.grafana.install.security.passphraseKey'),
  'prometheus.enabled': m('addons.prometheus.enabled'),
  'prometheus.retention': m('addons.prometheus.install.retention'),
  'prometheus.scrapeInterval': m('addons.prometheus.install.scrapeInterval'),
  'prometheus.security.enabled': m('addons.prometheus.install.useTLS'),
  'prometheus.provisionPrometheusCert': m('addons.prometheus.install.useTLS'),
  'tracing.jaeger.template': m('addons.jaeger.install.storage.type', CONVERTERS.jaegerTemplate),
  'tracing.jaeger.resourceName': m('addons.jaeger.name'),
  'tracing.jaeger.memory.max_traces': m('addons.jaeger.install.storage.memory.maxTraces'),
  'tracing.jaeger.elasticsearch.nodeCount': m('addons.jaeger.install.storage.elasticsearch.nodeCount'),
  'tracing.jaeger.elasticsearch.storage': m('addons.jaeger.install.storage.elasticsearch.storage'),
  'tracing.jaeger.elasticsearch.redundancyPolicy': m('addons.jaeger.install.storage.elasticsearch.redundancyPolicy'),
  'tracing.jaeger.esIndexCleaner': m('addons.jaeger.install.storage.elasticsearch.indexCleaner'),
  'tracing.ingress.enabled': m('addons.jaeger.install.ingress.enabled'),
  // Proxy
  'global.proxy.resources': m('proxy.runtime.container.resources'),
  'global.proxy.accessLogFile': m('proxy.accessLogging.file.name'),
  'global.proxy.accessLogFormat': m('proxy.accessLogging.file.format'),
  'global.proxy.accessLogEncoding': m('proxy.accessLogging.file.encoding'),
  'global.proxy.concurrency': m('proxy.concurrency'),
  'global.proxy.adminPort': m('proxy.adminPort'),
  'global.proxy.logLevel': m('proxy.logging.level'),
  'global.proxy.componentLogLevel': m('proxy.logging.componentLevels', CONVERTERS.componentLevels),
  'global.proxy.autoInject': m('proxy.injection.autoInject', CONVERTERS.enabledWord),
  'global.proxy.clusterDomain': m('proxy.networking.clusterDomain'),
  'global.proxy.connectionTimeout': m('proxy.networking.connectionTimeout'),
  'global.proxy.dnsRefreshRate': m('proxy.networking.dns.refreshRate'),
  'global.podDNSSearchNamespaces': m('proxy.networking.dns.searchSuffixes'),
  'global.proxy.includeIPRanges': m('proxy.networking.trafficControl.outbound.includedIPRanges', CONVERTERS.commaList),
  'global.proxy.excludeIPRanges': m('proxy.networking.trafficControl.outbound.excludedIPRanges', CONVERTERS.commaList),
  'global.proxy.excludeOutboundPorts': m('proxy.networking.trafficControl.outbound.excludedPorts', CONVERTERS.commaList),
  'global.proxy.includeInboundPorts': m('proxy.networking.trafficControl.inbound.includedPorts', CONVERTERS.commaList),
  'global.proxy.excludeInboundPorts': m('proxy.networking.trafficControl.inbound.excludedPorts', CONVERTERS.commaList),
  'global.proxy.interceptionMode': m('proxy.networking.trafficControl.inbound.interceptionMode'),
  'global.outboundTrafficPolicy.mode': m('proxy.networking.trafficControl.outbound.policy'),
  'istio_cni.enabled': m('proxy.networking.initialization.type', CONVERTERS.cniEnabled),
  'pilot.enableProtocolSniffingForInbound': m('proxy.networking.protocol.autoDetect.inbound'),
  'pilot.enableProtocolSniffingForOutbound': m('proxy.networking.protocol.autoDetect.outbound'),
  'pilot.keepaliveMaxServerConnectionAge': m('proxy.networking.maxConnectionAge'),
  'global.proxy.statusPort': m('proxy.runtime.readiness.statusPort'),
  'global.proxy.readinessInitialDelaySeconds': m('proxy.runtime.readiness.initialDelaySeconds'),
  'global.proxy.readinessPeriodSeconds': m('proxy.runtime.readiness.periodSeconds'),
  'global.proxy.readinessFailureThreshold': m('proxy.runtime.readiness.failureThreshold'),
  'sidecarInjectorWebhook.rewriteAppHTTPProbe': m('proxy.runtime.readiness.rewriteApplicationProbes'),
  'sidecarInjectorWebhook.enableNamespacesByDefault': m('proxy.injection.autoInject'),
  'sidecarInjectorWebhook.alwaysInjectSelector': m('proxy.injection.alwaysInjectSelector'),
  'sidecarInjectorWebhook.neverInjectSelector': m('proxy.injection.neverInjectSelector'),
  'sidecarInjectorWebhook.injectedAnnotations': m('proxy.injection.injectedAnnotations'),
  // General, cluster
  'global.logAsJson': m('general.logging.logAsJSON'),
  'galley.enableAnalysis': m('general.validationMessages'),
  'global.istiod.enableAnalysis': m('general.validationMessages'),
  'global.multiCluster.enabled': m('cluster.multiCluster.enabled'),
  'global.multiCluster.clusterName': m('cluster.name'),
  'global.network': m('cluster.network'),
  'global.meshExpansion.enabled': m('cluster.meshExpansion.enabled'),
  // Runtime defaults for every component
  'global.defaultNodeSelector': m('runtime.defaults.pod.nodeSelector'),
  'global.defaultTolerations': m('runtime.defaults.pod.tolerations'),
  'global.priorityClassName': m('runtime.defaults.pod.priorityClassName'),
  'global.hub': m('runtime.defaults.container.imageRegistry'),
  'global.tag': m('runtime.defaults.container.imageTag'),
  'global.imagePullPolicy': m('runtime.defaults.container.imagePullPolicy'),
  'global.imagePullSecrets': m('runtime.defaults.container.imagePullSecrets', CONVERTERS.pullSecrets),
  'global.defaultResources': m('runtime.defaults.container.resources'),
  'global.defaultPodDisruptionBudget.enabled': m('runtime.defaults.deployment.podDisruption.enabled', CONVERTERS.onlyBoolean),
};

/** Components whose Helm block carries deployment, pod and container settings (runtime.components keys). */
export const RUNTIME_COMPONENTS: readonly string[] = ['mixer.policy', 'mixer.telemetry', 'tracing.jaeger', 'pilot', 'grafana', 'prometheus'];

/** Gateways with a fixed v2 place; others stay in techPreview. */
export const GATEWAY_PLACES: Readonly<Record<string, readonly string[]>> = {
  'istio-ingressgateway': ['gateways', 'ingress'],
  'istio-egressgateway': ['gateways', 'egress'],
};

/** A component's Helm runtime keys → path under its v2 runtime block. */
export const COMPONENT_RUNTIME_KEYS: Readonly<Record<string, ValueMapping>> = {
  replicaCount: m('deployment.replicas'),
  autoscaleEnabled: m('deployment.autoScaling.enabled'),
  autoscaleMin: m('deployment.autoScaling.minReplicas'),
  autoscaleMax: m('deployment.autoScaling.maxReplicas'),
  'cpu.targetAverageUtilization': m('deployment.autoScaling.targetCPUUtilizationPercentage'),
  rollingMaxSurge: m('deployment.strategy.rollingUpdate.maxSurge'),
  rollingMaxUnavailable: m('deployment.strategy.rollingUpdate.maxUnavailable'),
  nodeSelector: m('pod.nodeSelector'),
  tolerations: m('pod.tolerations'),
  priorityClassName: m('pod.priorityClassName'),
  podAnnotations: m('pod.metadata.annotations'),
  podLabels: m('pod.metadata.labels'),
  hub: m('container.imageRegistry'),
  image: m('container.imageName'),
  tag: m('container.imageTag'),
  imagePullPolicy: m('container.imagePullPolicy'),
  imagePullSecrets: m('container.imagePullSecrets', CONVERTERS.pullSecrets),
  resources: m('container.resources'),
};

/** Gateway Helm keys that are not runtime settings. */
export const GATEWAY_KEYS: Readonly<Record<string, ValueMapping>> = {
  enabled: m('enabled'),
  type: m('service.type'),
  ports: m('service.ports'),
  loadBalancerIP: m('service.loadBalancerIP'),
  serviceAnnotations: m('service.metadata.annotations'),
  labels: m('service.metadata.labels'),
};

/** Top-level v2 sections in the order the operator's docs write them. */
export const V2_SECTION_ORDER: readonly string[] = [
  'version', 'profiles', 'cluster', 'general', 'gateways', 'security', 'proxy', 'policy', 'telemetry', 'tracing', 'runtime', 'addons', 'techPreview',
];
