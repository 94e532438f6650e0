import { getNode, scalarText } from './ast';
import type { ResourceIdentity } from './resources';
import { MeshVersion, parseKnownVersion } from './versions';

/** An SMCP's `spec.version`, when it is a known version. */
export function smcpVersionOf(resource: ResourceIdentity): MeshVersion | undefined {
  const text = scalarText(getNode(resource.root, ['spec', 'version']));
  return text === undefined ? undefined : parseKnownVersion(text);
}
