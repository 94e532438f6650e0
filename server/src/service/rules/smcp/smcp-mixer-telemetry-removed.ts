import { mixerRemovedRule } from './support/mixer-removed';

export const smcpMixerTelemetryRemoved = mixerRemovedRule('telemetry', {
  id: 'smcp-mixer-telemetry-removed',
  category: 'upgrade-blocker',
  severity: 'error',
  appliesTo: { apiVersions: ['maistra.io/v2'], kinds: ['ServiceMeshControlPlane'] },
  versions: { removedIn: 'v2.1' },
  gate: { from: 'removedIn' },
  fixable: true,
  deprecated: true,
  summary: 'Mixer telemetry (`spec.telemetry.type: Mixer`, `spec.telemetry.mixer`) is rejected from v2.1.',
});
