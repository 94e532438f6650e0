/** One line per `spec.version`: what that release brings or takes away. */
export const VERSION_NOTES: Readonly<Record<string, string>> = {
  'v2.6': 'Istio 1.20. Last release with the Jaeger and Elasticsearch operators; new control planes get tracing off; sidecars get a startupProbe.',
  'v2.5': 'Istio 1.18. Zipkin, OpenTelemetry and Envoy ALS extension providers; new control planes get IOR off; proxy concurrency follows the CPU limit.',
  'v2.4': 'Istio 1.16. spec.mode (ClusterWide) and spec.meshConfig; the 2.3 cipher-suite deprecations take effect.',
  'v2.3': 'Istio 1.14. ServiceMeshExtension is gone (use WasmPlugin); cluster-wide mode as a tech preview.',
  'v2.2': 'Istio 1.12. WasmPlugin and the Telemetry API; ServiceMeshExtension is deprecated; traffic reaches apps on eth0.',
  'v2.1': 'Istio 1.9. Mixer and the 3scale add-on are gone; mesh federation arrives.',
  'v2.0': 'Istio 1.6. istiod replaces the separate control-plane components; Mixer is still optional.',
};
