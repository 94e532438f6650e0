import { getNode, scalarText } from './ast';
import type { ResourceIdentity } from './resources';
import { MeshVersion, parseKnownVersion } from './versions';

/**
 * An SMCP's `spec.version`, when it is a known version. Other kinds have no
 * version of their own: they are judged on the target.
 */
export function smcpVersionOf(resource: ResourceIdentity): MeshVersion | undefined {
  if (resource.kind !== 'ServiceMeshControlPlane') return undefined;
  const text = scalarText(getNode(resource.root, ['spec', 'version']));
  return text === undefined ? undefined : parseKnownVersion(text);
}

/** The two versions every version question about a resource starts from. */
export interface VersionView {
  /** What `smcpVersionOf` says for the resource. */
  readonly smcpVersion: MeshVersion | undefined;
  /** The version the user is upgrading to. */
  readonly target: MeshVersion;
}

/**
 * The version the operator validates a resource against as written: an SMCP's
 * own `spec.version`. Without one the operator fills in its newest version,
 * which is the target; resources other than an SMCP run on the target's
 * control plane. The only place this choice is made.
 */
export function effectiveSmcpVersion(view: VersionView): MeshVersion {
  return view.smcpVersion ?? view.target;
}
