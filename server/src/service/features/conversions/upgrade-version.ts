import { getPair, nodeSpan, pairSpan, scalarText } from '../../core/ast';
import type { ResourceIdentity } from '../../core/resources';
import type { SectionEdit } from '../../rules/types';
import { compareVersions, KNOWN_VERSION_NAMES, MeshVersion, parseKnownVersion, parseVersion } from '../../core/versions';
import { replaceScalar } from '../../edits/yaml-edits';

export interface VersionUpgrade {
  readonly from: MeshVersion;
  readonly to: MeshVersion;
  readonly edit: SectionEdit;
  /** Section-relative span of the `version:` entry, where the action is offered. */
  readonly span: readonly [number, number];
}

/**
 * Moving an SMCP's `spec.version` one minor up, never more: the operator
 * upgrades one minor at a time and each step has its own blockers. A 1.x
 * control plane is not upgraded in place (2.0 needs a new SMCP).
 */
export function nextVersionUpgrade(resource: ResourceIdentity): VersionUpgrade | undefined {
  if (resource.kind !== 'ServiceMeshControlPlane' || resource.apiVersion !== 'maistra.io/v2') return undefined;
  const pair = getPair(resource.root, ['spec', 'version']);
  const text = scalarText(pair?.value);
  const from = text === undefined ? undefined : parseKnownVersion(text);
  const span = pair ? pairSpan(pair) : undefined;
  if (!pair || !from || !span || !nodeSpan(pair.value)) return undefined;
  const to = KNOWN_VERSION_NAMES.map((n) => parseVersion(n)!).find((v) => v.major === from.major && compareVersions(v, from) > 0);
  if (!to || to.minor !== from.minor + 1) return undefined;
  const edit = replaceScalar(pair.value, to.name);
  return edit ? { from, to, edit, span } : undefined;
}
