import * as l10n from '@vscode/l10n';
import { MeshVersion, UpgradeStep, upgradeSteps } from '../../../core/versions';

/**
 * Changes in behaviour that an in-place upgrade brings without any error:
 * nothing in the YAML is wrong, but something running in the mesh may act
 * differently afterwards. Chosen by the version an upgrade step arrives at; a function, not a table,
 * so each call sees the bundle the server loaded.
 * Shared with the upgrade plan, which lists the same changes per step.
 */
function changesArrivingAt(version: string): string[] {
  switch (version) {
    case 'v2.1':
      return [
        l10n.t('AuthorizationPolicy `ipBlocks`/`notIpBlocks` now match the address of the connection that reaches the proxy; behind a load balancer using the PROXY protocol, match the client with `remoteIpBlocks`/`notRemoteIpBlocks` instead.'),
        l10n.t('EnvoyFilters that use the v2 xDS API, untyped `config`, or deprecated filter names (for example `envoy.http_connection_manager`) stop working; rewrite them with `typed_config` and the current names.'),
        l10n.t('Proxies of older versions may answer 503 when a newer proxy sends them 1xx or 204 responses until every sidecar runs the new version.'),
      ];
    case 'v2.2':
      return [
        l10n.t('The CNI DaemonSet `istio-node` is renamed `istio-cni-node`; update monitoring, alerts and scripts that name it.'),
        l10n.t('The sidecar delivers inbound traffic to the application on `eth0`, not `lo`: an application that listens only on 127.0.0.1 no longer receives mesh traffic; make it listen on 0.0.0.0 or the pod IP.'),
      ];
    case 'v2.4':
      return [
        l10n.t('The control plane drops the cipher suites ECDHE-ECDSA-AES128-SHA, ECDHE-RSA-AES128-SHA, AES128-GCM-SHA256, AES128-SHA, ECDHE-ECDSA-AES256-SHA, ECDHE-RSA-AES256-SHA, AES256-GCM-SHA384 and AES256-SHA; clients that can only negotiate these fail to connect.'),
      ];
    case 'v2.5':
      return [
        l10n.t('Newly created control planes get OpenShift routes for gateways (IOR) turned off; existing ones keep their setting. Set `spec.gateways.openshiftRoute.enabled` explicitly so both behave alike.'),
        l10n.t('Proxy worker threads follow the sidecar CPU limit (a limit of 2500m gives 3 workers) instead of the former default of 2; set `spec.proxy.concurrency` to keep a fixed number.'),
      ];
    case 'v2.6':
      return [
        l10n.t('Newly created control planes get tracing turned off (`spec.tracing.type: None`) when the type is unset; set it explicitly.'),
        l10n.t('Sidecar containers get a startupProbe: the application\'s readiness probes start only once Envoy is up, so pods may take a little longer to become ready.'),
      ];
    default:
      return [];
  }
}

export interface BehaviourChanges {
  step: UpgradeStep;
  changes: string[];
}

/** The behaviour changes of every step from `from` to `to`, in upgrade order; steps without any are left out. */
export function behaviourChangesBetween(from: MeshVersion, to: MeshVersion): BehaviourChanges[] {
  return upgradeSteps(from, to)
    .map((step) => ({ step, changes: changesArrivingAt(step.to.name) }))
    .filter((entry) => entry.changes.length > 0);
}
