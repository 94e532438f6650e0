import { atLeast, KNOWN_VERSION_NAMES, MeshVersion } from '../../../core/versions';

type VersionName = (typeof KNOWN_VERSION_NAMES)[number];

/** One apiVersion of a kind, and the control-plane versions whose CRDs serve it. */
export interface ServedRange {
  readonly version: string;
  /** First SMCP `spec.version` whose charts install this version of the CRD (every later 2.x keeps it). */
  readonly from: VersionName;
}

const CORE_NETWORKING: readonly ServedRange[] = [
  { version: 'v1alpha3', from: 'v2.0' },
  { version: 'v1beta1', from: 'v2.0' },
];

/**
 * Istio API versions the OpenShift Service Mesh 2.x control planes install,
 * per kind, oldest version first (so the last served one is the newest).
 * From the operator's istio-init charts per `spec.version` (DOMAIN §6).
 * Versions Istio added later (networking v1, PeerAuthentication v1,
 * telemetry v1: Istio 1.22) are served by no 2.x release.
 */
export const SERVED_ISTIO_APIS: Readonly<Record<string, Readonly<Record<string, readonly ServedRange[]>>>> = {
  'networking.istio.io': {
    DestinationRule: CORE_NETWORKING,
    Gateway: CORE_NETWORKING,
    ServiceEntry: CORE_NETWORKING,
    Sidecar: CORE_NETWORKING,
    VirtualService: CORE_NETWORKING,
    WorkloadEntry: CORE_NETWORKING,
    EnvoyFilter: [{ version: 'v1alpha3', from: 'v2.0' }],
    WorkloadGroup: [
      { version: 'v1alpha3', from: 'v2.1' },
      { version: 'v1beta1', from: 'v2.3' },
    ],
    ProxyConfig: [{ version: 'v1beta1', from: 'v2.3' }],
  },
  'security.istio.io': {
    AuthorizationPolicy: [
      { version: 'v1beta1', from: 'v2.0' },
      { version: 'v1', from: 'v2.5' },
    ],
    RequestAuthentication: [
      { version: 'v1beta1', from: 'v2.0' },
      { version: 'v1', from: 'v2.5' },
    ],
    PeerAuthentication: [{ version: 'v1beta1', from: 'v2.0' }],
  },
  'telemetry.istio.io': {
    Telemetry: [{ version: 'v1alpha1', from: 'v2.2' }],
  },
  'extensions.istio.io': {
    WasmPlugin: [{ version: 'v1alpha1', from: 'v2.2' }],
  },
};

function rangesOf(group: string | undefined, kind: string | undefined): readonly ServedRange[] | undefined {
  if (group === undefined || kind === undefined) return undefined;
  return SERVED_ISTIO_APIS[group]?.[kind];
}

function servedAt(range: ServedRange, target: MeshVersion): boolean {
  return atLeast(target, range.from);
}

/** Whether the table knows this kind at all (other kinds are not this module's business). */
export function isTrackedKind(group: string | undefined, kind: string | undefined): boolean {
  return rangesOf(group, kind) !== undefined;
}

/** The versions of a kind the target serves, oldest first; empty when the kind is not installed. */
export function servedVersions(group: string | undefined, kind: string | undefined, target: MeshVersion): string[] {
  return (rangesOf(group, kind) ?? []).filter((r) => servedAt(r, target)).map((r) => r.version);
}

/** The first control-plane version that installs the kind at any version. */
export function firstServedIn(group: string | undefined, kind: string | undefined): VersionName | undefined {
  const ranges = rangesOf(group, kind);
  if (!ranges || ranges.length === 0) return undefined;
  return ranges.map((r) => r.from).reduce((a, b) => (KNOWN_VERSION_NAMES.indexOf(a) <= KNOWN_VERSION_NAMES.indexOf(b) ? a : b));
}

/** The first control-plane version that serves this exact apiVersion of the kind, if any does. */
export function versionServedFrom(group: string | undefined, kind: string | undefined, version: string | undefined): VersionName | undefined {
  return rangesOf(group, kind)?.find((r) => r.version === version)?.from;
}
