import * as l10n from '@vscode/l10n';

/**
 * One line per `spec.version`: what that release brings or takes away.
 * A function, not a table, so each call sees the bundle the server loaded.
 */
export function versionNote(name: string): string | undefined {
  switch (name) {
    case 'v2.6':
      return l10n.t('Istio 1.20. Last release with the Jaeger and Elasticsearch operators; new control planes get tracing off; sidecars get a startupProbe.');
    case 'v2.5':
      return l10n.t('Istio 1.18. Zipkin, OpenTelemetry and Envoy ALS extension providers; new control planes get IOR off; proxy concurrency follows the CPU limit.');
    case 'v2.4':
      return l10n.t('Istio 1.16. spec.mode (ClusterWide) and spec.meshConfig; the 2.3 cipher-suite deprecations take effect.');
    case 'v2.3':
      return l10n.t('Istio 1.14. ServiceMeshExtension is gone (use WasmPlugin); cluster-wide mode as a tech preview.');
    case 'v2.2':
      return l10n.t('Istio 1.12. WasmPlugin and the Telemetry API; ServiceMeshExtension is deprecated; traffic reaches apps on eth0.');
    case 'v2.1':
      return l10n.t('Istio 1.9. Mixer and the 3scale add-on are gone; mesh federation arrives.');
    case 'v2.0':
      return l10n.t('Istio 1.6. istiod replaces the separate control-plane components; Mixer is still optional.');
    default:
      return undefined;
  }
}
