import data from './data/istio-annotations.json';
import { compareVersions, MeshVersion, parseVersion } from '../../../core/versions';

/**
 * The Istio annotation and label registry, generated from istio/api by
 * scripts/gen-annotations.mjs, with the keys the OpenShift Service Mesh
 * injector reads per control-plane version.
 */

export interface Replacement {
  readonly name: string;
  /** `annotation` and `label` are keys; `proxy-config` is a field of the proxy.istio.io/config annotation. */
  readonly kind: 'annotation' | 'label' | 'proxy-config';
}

export interface RegistryEntry {
  readonly name: string;
  /** Kinds it acts on (`Pod` means pods and pod templates, `Any` anything); unknown for a few removed keys. */
  readonly resources?: readonly string[];
  /** First and last Istio release whose registry lists it (last absent: still listed). */
  readonly since?: string;
  readonly until?: string;
  /** Istio release that deprecated it. */
  readonly deprecated?: string;
  readonly replacement?: Replacement;
  readonly type?: string;
  readonly note?: string;
  /** SMCP versions whose charts read it. */
  readonly firstSmcp?: string;
  readonly lastSmcp?: string;
  readonly maistraOnly?: boolean;
}

interface RegistryData {
  readonly annotations: readonly RegistryEntry[];
  readonly labels: readonly RegistryEntry[];
  readonly maistraSidecarAnnotations: Readonly<Record<string, { firstSmcp: string; lastSmcp: string }>>;
}

const registry = data as unknown as RegistryData;

export const ANNOTATIONS: ReadonlyMap<string, RegistryEntry> = new Map(registry.annotations.map((a) => [a.name, a]));
export const LABELS: ReadonlyMap<string, RegistryEntry> = new Map(registry.labels.map((l) => [l.name, l]));
export const MAISTRA_SIDECAR_ANNOTATIONS = registry.maistraSidecarAnnotations;

/** The Istio minor release each control-plane version runs (DOMAIN §1.1). */
const ISTIO_RELEASE: Readonly<Record<string, string>> = {
  'v1.1': '1.4',
  'v2.0': '1.6',
  'v2.1': '1.9',
  'v2.2': '1.12',
  'v2.3': '1.14',
  'v2.4': '1.16',
  'v2.5': '1.18',
  'v2.6': '1.20',
};

export function istioRelease(target: MeshVersion): string {
  return ISTIO_RELEASE[target.name] ?? ISTIO_RELEASE['v2.6'];
}

/** Compares Istio releases (`1.9` < `1.20`); `HEAD` is newer than any release. */
export function compareReleases(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'HEAD') return 1;
  if (b === 'HEAD') return -1;
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

export type Availability =
  | { readonly state: 'known' }
  | { readonly state: 'removed'; readonly lastRelease: string }
  | { readonly state: 'not-yet'; readonly firstRelease: string };

/** Whether the target's Istio (or its OSSM injector) reads an entry. */
export function availability(entry: RegistryEntry, target: MeshVersion): Availability {
  if (readByOssmCharts(entry, target)) return { state: 'known' };
  const release = istioRelease(target);
  if (entry.since && compareReleases(entry.since, release) > 0) return { state: 'not-yet', firstRelease: entry.since };
  if (entry.until && compareReleases(entry.until, release) < 0) return { state: 'removed', lastRelease: entry.until };
  if (entry.maistraOnly && entry.firstSmcp && entry.lastSmcp) {
    const first = parseVersion(entry.firstSmcp);
    if (first && compareVersions(target, first) < 0) return { state: 'not-yet', firstRelease: ISTIO_RELEASE[entry.firstSmcp] ?? 'HEAD' };
    return { state: 'removed', lastRelease: ISTIO_RELEASE[entry.lastSmcp] ?? release };
  }
  return { state: 'known' };
}

function readByOssmCharts(entry: RegistryEntry, target: MeshVersion): boolean {
  const first = entry.firstSmcp ? parseVersion(entry.firstSmcp) : undefined;
  const last = entry.lastSmcp ? parseVersion(entry.lastSmcp) : undefined;
  return !!first && !!last && compareVersions(first, target) <= 0 && compareVersions(target, last) <= 0;
}

/** The domain part of a key (`sidecar.istio.io` in `sidecar.istio.io/inject`), or undefined without one. */
export function keyDomain(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash > 0 ? key.slice(0, slash) : undefined;
}

/** Keys Istio owns: `istio.io/…` and any `*.istio.io/…`. */
export function isIstioKey(key: string): boolean {
  const domain = keyDomain(key);
  return domain === 'istio.io' || (domain !== undefined && domain.endsWith('.istio.io'));
}
