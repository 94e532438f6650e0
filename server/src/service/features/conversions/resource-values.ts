import { isMap, isNode, isScalar, isSeq } from 'yaml';
import { getNode, PathSegment, scalarText } from '../../core/ast';
import type { ResourceIdentity } from '../../core/resources';

/** Reading a parsed resource as plain values, for conversions that rebuild it. */

export function plainAt(resource: ResourceIdentity, path: readonly PathSegment[]): unknown {
  const node = getNode(resource.root, path);
  return isNode(node) ? node.toJSON() : undefined;
}

export function textAt(resource: ResourceIdentity, path: readonly PathSegment[]): string | undefined {
  return scalarText(getNode(resource.root, path));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function listAt(resource: ResourceIdentity, path: readonly PathSegment[]): unknown[] {
  const value = plainAt(resource, path);
  return Array.isArray(value) ? value : [];
}

export function mapAt(resource: ResourceIdentity, path: readonly PathSegment[]): Record<string, unknown> | undefined {
  const value = plainAt(resource, path);
  return isPlainObject(value) ? value : undefined;
}

/** Whether the node at a path is present (even when empty or null, like `mtls:`). */
export function hasPath(resource: ResourceIdentity, path: readonly PathSegment[]): boolean {
  const parent = path.length === 1 ? resource.root : getNode(resource.root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (typeof last === 'number') return isSeq(parent) && parent.items.length > last;
  return isMap(parent) && parent.items.some((p) => isScalar(p.key) && String(p.key.value) === last);
}

/**
 * The metadata a replacement keeps: name, namespace, labels and annotations.
 * What the API server writes (uid, resourceVersion, …) is left behind.
 */
export function carriedMetadata(resource: ResourceIdentity, name = resource.name, namespace = resource.namespace): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (name !== undefined) metadata.name = name;
  if (namespace !== undefined) metadata.namespace = namespace;
  const labels = mapAt(resource, ['metadata', 'labels']);
  const annotations = mapAt(resource, ['metadata', 'annotations']);
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = withoutLastApplied(annotations);
  if (isPlainObject(metadata.annotations) && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  return metadata;
}

function withoutLastApplied(annotations: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...annotations };
  // kubectl's record of the old object would describe the wrong kind.
  delete copy['kubectl.kubernetes.io/last-applied-configuration'];
  return copy;
}
