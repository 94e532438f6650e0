import { mixerRemovedRule } from './support/mixer-removed';

export const smcpMixerPolicyRemoved = mixerRemovedRule('policy', {
  id: 'smcp-mixer-policy-removed',
  category: 'upgrade-blocker',
  severity: 'error',
  appliesTo: { apiVersions: ['maistra.io/v2'], kinds: ['ServiceMeshControlPlane'] },
  versions: { removedIn: 'v2.1' },
  gate: { from: 'removedIn' },
  fixable: true,
  deprecated: true,
  summary: 'Mixer policy (`spec.policy.type: Mixer`, `spec.policy.mixer`) is rejected from v2.1.',
});
