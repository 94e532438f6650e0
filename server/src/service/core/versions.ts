/**
 * OpenShift Service Mesh control-plane versions as comparable values.
 * Every version comparison in the product goes through this module, so the
 * rules never compare version strings by hand.
 */

export interface MeshVersion {
  readonly major: number;
  readonly minor: number;
  /** Canonical spelling, exactly as `spec.version` expects it: `v2.4`. */
  readonly name: string;
}

/** Every `spec.version` value an operator has ever accepted, oldest first. */
export const KNOWN_VERSION_NAMES = ['v1.0', 'v1.1', 'v2.0', 'v2.1', 'v2.2', 'v2.3', 'v2.4', 'v2.5', 'v2.6'] as const;

export type KnownVersionName = (typeof KNOWN_VERSION_NAMES)[number];

/** Versions a user can target with this tool (the 2.x line). */
export const TARGET_VERSION_NAMES = ['v2.0', 'v2.1', 'v2.2', 'v2.3', 'v2.4', 'v2.5', 'v2.6'] as const;

export const DEFAULT_TARGET_VERSION_NAME = 'v2.6';

const VERSION_PATTERN = /^v(\d+)\.(\d+)$/;

function make(major: number, minor: number): MeshVersion {
  return { major, minor, name: `v${major}.${minor}` };
}

/** Parses an exact `vX.Y` string; anything else (`2.6`, `v2.5.1`) is undefined. */
export function parseVersion(text: string): MeshVersion | undefined {
  const match = VERSION_PATTERN.exec(text);
  if (!match) return undefined;
  return make(Number(match[1]), Number(match[2]));
}

/** Like parseVersion, but only for versions some operator knows. */
export function parseKnownVersion(text: string): MeshVersion | undefined {
  return (KNOWN_VERSION_NAMES as readonly string[]).includes(text) ? parseVersion(text) : undefined;
}

export function version(name: (typeof KNOWN_VERSION_NAMES)[number]): MeshVersion {
  return parseVersion(name)!;
}

export function compareVersions(a: MeshVersion, b: MeshVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function atLeast(v: MeshVersion, name: (typeof KNOWN_VERSION_NAMES)[number]): boolean {
  return compareVersions(v, version(name)) >= 0;
}

export function below(v: MeshVersion, name: (typeof KNOWN_VERSION_NAMES)[number]): boolean {
  return compareVersions(v, version(name)) < 0;
}

export function sameVersion(a: MeshVersion, b: MeshVersion): boolean {
  return compareVersions(a, b) === 0;
}

export function maxVersion(a: MeshVersion, b: MeshVersion): MeshVersion {
  return compareVersions(a, b) >= 0 ? a : b;
}

/** Known versions strictly after `from` up to and including `to`, in upgrade order. */
export function versionsBetween(from: MeshVersion, to: MeshVersion): MeshVersion[] {
  return KNOWN_VERSION_NAMES.map((n) => parseVersion(n)!).filter(
    (v) => compareVersions(v, from) > 0 && compareVersions(v, to) <= 0,
  );
}

export interface UpgradeStep {
  readonly from: MeshVersion;
  readonly to: MeshVersion;
}

/** The minor-by-minor steps an upgrade from `from` to `to` must take. */
export function upgradeSteps(from: MeshVersion, to: MeshVersion): UpgradeStep[] {
  const steps: UpgradeStep[] = [];
  let previous = from;
  for (const next of versionsBetween(from, to)) {
    steps.push({ from: previous, to: next });
    previous = next;
  }
  return steps;
}

/**
 * The window of `spec.version` values the operator of a given release accepts
 * (its webhook rejects the rest), and the ones Red Hat still maintains.
 */
export interface OperatorWindow {
  readonly accepted: readonly MeshVersion[];
  readonly maintained: readonly MeshVersion[];
}

const OPERATOR_MINIMUM: Record<string, string> = {
  'v2.0': 'v1.0',
  'v2.1': 'v1.0',
  'v2.2': 'v1.1',
  'v2.3': 'v2.0',
  'v2.4': 'v2.1',
  'v2.5': 'v2.2',
  'v2.6': 'v2.3',
};

export function operatorWindow(operator: MeshVersion): OperatorWindow {
  const minimum = parseVersion(OPERATOR_MINIMUM[operator.name] ?? 'v1.0')!;
  const accepted = KNOWN_VERSION_NAMES.map((n) => parseVersion(n)!).filter(
    (v) => compareVersions(v, minimum) >= 0 && compareVersions(v, operator) <= 0,
  );
  // Red Hat maintains the newest three 2.x releases from operator 2.4 on.
  const maintained = atLeast(operator, 'v2.4') ? accepted.slice(-3) : accepted;
  return { accepted, maintained };
}
