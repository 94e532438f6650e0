import * as l10n from '@vscode/l10n';
import { atLeast, below, MeshVersion } from '../../../core/versions';

/**
 * `spec.runtime.components` keys the operator knows, and the versions whose
 * charts have them. The map is free-form: a key outside its versions is not
 * refused, it is silently turned into Helm values that nothing reads.
 */
interface ComponentVersions {
  readonly exists: (v: MeshVersion) => boolean;
  /** Where it went, for the message. */
  readonly note: string;
}

const V1_ONLY: ComponentVersions = {
  exists: (v) => below(v, 'v2.0'),
  get note() {
    return l10n.t('a v1.x component whose work istiod does from v2.0, configured as `pilot`');
  },
};

export const RUNTIME_COMPONENTS: Readonly<Record<string, ComponentVersions>> = {
  security: V1_ONLY,
  galley: V1_ONLY,
  mixer: { exists: (v) => below(v, 'v2.0'), get note() {
    return l10n.t('the v1.x Mixer component; Mixer was removed in v2.1');
  } },
  sidecarInjectorWebhook: V1_ONLY,
  'mixer.policy': { exists: (v) => below(v, 'v2.1'), note: 'Mixer policy, removed in v2.1' },
  'mixer.telemetry': { exists: (v) => below(v, 'v2.1'), note: 'Mixer telemetry, removed in v2.1' },
  '3scale': { exists: (v) => below(v, 'v2.1'), note: 'the 3scale Mixer adapter, removed in v2.1' },
  'wasmExtensions.cacher': { exists: (v) => below(v, 'v2.3'), note: 'the ServiceMeshExtension cacher, removed with ServiceMeshExtension in v2.3' },
  'rateLimiting.rls': { exists: (v) => atLeast(v, 'v2.1'), note: 'the rate-limiting service, added in v2.1' },
  pilot: { exists: () => true, note: '' },
  'global.oauthproxy': { exists: () => true, note: '' },
  tracing: { exists: () => true, note: '' },
  'tracing.jaeger': { exists: () => true, note: '' },
  'tracing.jaeger.elasticsearch': { exists: () => true, note: '' },
  'tracing.jaeger.agent': { exists: () => true, note: '' },
  'tracing.jaeger.allInOne': { exists: () => true, note: '' },
  'tracing.jaeger.collector': { exists: () => true, note: '' },
  'tracing.jaeger.query': { exists: () => true, note: '' },
  prometheus: { exists: () => true, note: '' },
  kiali: { exists: () => true, note: '' },
  grafana: { exists: () => true, note: '' },
};
