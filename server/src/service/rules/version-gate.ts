import { effectiveSmcpVersion, VersionView } from '../core/smcp-version-of';
import { compareVersions, maxVersion, MeshVersion, version } from '../core/versions';
import type { RuleGate, RuleMeta } from './types';

/**
 * The furthest version the resource will run on: its effective SMCP version,
 * or the target when the upgrade goes beyond it. A rule about something that
 * breaks or changes at some version applies once this reaches that version.
 */
export function upgradeVersion(view: VersionView): MeshVersion {
  return maxVersion(effectiveSmcpVersion(view), view.target);
}

/** Whether the engine runs a rule with this metadata on a resource (see RuleGate). */
export function gateOpen(meta: Pick<RuleMeta, 'gate' | 'versions'>, view: VersionView): boolean {
  if (!meta.gate) return true;
  const from = meta.versions?.[meta.gate.from];
  // A gate naming a version the rule does not declare is a mistake the
  // registry test reports; until then the rule stays quiet rather than guess.
  if (from === undefined) return false;
  return compareVersions(gatedVersion(meta.gate, view), version(from)) >= 0;
}

function gatedVersion(gate: RuleGate, view: VersionView): MeshVersion {
  return gate.on === 'current' ? effectiveSmcpVersion(view) : upgradeVersion(view);
}
