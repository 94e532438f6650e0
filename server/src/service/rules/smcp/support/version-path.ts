import * as l10n from '@vscode/l10n';
import { compareVersions, MeshVersion, versionsBetween } from '../../../core/versions';
import { effectiveSmcpVersion, smcpVersionOf } from '../../../core/smcp-version-of';
import type { FixContext, RuleContext } from '../../types';

/**
 * Which version does a version-dependent webhook check apply to? The
 * operator validates the resource against its own `spec.version` on every
 * apply, and against each newer version as `spec.version` is raised one minor
 * at a time on the way to the target. A field that is rejected anywhere on
 * that path is a problem: now (the resource is refused as written) or at the
 * step where the upgrade stops.
 */
export type RejectionKind = 'current' | 'upgrade' | 'target';

export interface Rejection {
  readonly version: MeshVersion;
  readonly kind: RejectionKind;
}

/**
 * The versions an SMCP passes through: its effective version (without a
 * usable `spec.version`, the target), then every minor up to the target.
 */
export function versionsOnTheWay(context: Pick<RuleContext, 'smcpVersion' | 'target'>): MeshVersion[] {
  const start = effectiveSmcpVersion(context);
  return [start, ...versionsBetween(start, context.target)];
}

/** The first version on the way that refuses what `accepts` describes, if any. */
export function firstRejection(
  context: Pick<RuleContext, 'smcpVersion' | 'target'>,
  accepts: (version: MeshVersion) => boolean,
): Rejection | undefined {
  for (const version of versionsOnTheWay(context)) {
    if (accepts(version)) continue;
    const kind: RejectionKind = !context.smcpVersion
      ? 'target'
      : compareVersions(version, context.smcpVersion) === 0
        ? 'current'
        : 'upgrade';
    return { version, kind };
  }
  return undefined;
}

/** "on v2.3, this control plane's version" and the like, for messages. */
export function describeRejection(rejection: Rejection, target: MeshVersion): string {
  const v = rejection.version.name;
  switch (rejection.kind) {
    case 'current':
      return l10n.t('on {0}, this control plane\'s `spec.version`', v);
    case 'target':
      return l10n.t('on {0}, the target version', v);
    case 'upgrade':
      return compareVersions(rejection.version, target) === 0
        ? l10n.t('on {0}, the target version, so the upgrade is blocked', v)
        : l10n.t('on {0}, a step on the way to the target {1}, so the upgrade stops there', v, target.name);
  }
}

/** The same view for a fix, which is not handed the SMCP version. */
export function fixVersions(context: Pick<FixContext, 'resource' | 'target'>): Pick<RuleContext, 'smcpVersion' | 'target'> {
  return { smcpVersion: smcpVersionOf(context.resource), target: context.target };
}
