import { isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, entries, findPair, getNode, nodeSpan, PathSegment } from '../../../core/ast';
import { MetadataLocation, metadataLocations, ResourceIdentity } from '../../../core/resources';

export type MetadataField = 'annotations' | 'labels';

/** One label or annotation, where it sits, and how a fix finds it again. */
export interface MetadataEntry {
  readonly field: MetadataField;
  readonly key: string;
  readonly pair: Pair<Scalar, unknown>;
  /** The `annotations:` or `labels:` mapping holding the pair. */
  readonly map: YAMLMap;
  readonly location: MetadataLocation;
  /** Path from the resource root to `map`. */
  readonly mapPath: readonly PathSegment[];
}

/** Labels or annotations of a resource's own metadata and of its pod template. */
export function metadataEntries(resource: ResourceIdentity, field: MetadataField): MetadataEntry[] {
  const found: MetadataEntry[] = [];
  for (const location of metadataLocations(resource)) {
    const map = asMap(findPair(location.node, field)?.value);
    if (!map) continue;
    const mapPath = [...location.path, field];
    for (const [key, pair] of entries(map)) found.push({ field, key, pair, map, location, mapPath });
  }
  return found;
}

/** Both fields, annotations first. */
export function allMetadataEntries(resource: ResourceIdentity): MetadataEntry[] {
  return [...metadataEntries(resource, 'annotations'), ...metadataEntries(resource, 'labels')];
}

/** What a finding carries so its fix can find the entry again. */
export type EntryRef = {
  readonly path: readonly PathSegment[];
  readonly key: string;
};

export function entryRef(entry: MetadataEntry): EntryRef {
  return { path: entry.mapPath, key: entry.key };
}

export interface LocatedEntry {
  readonly map: YAMLMap;
  readonly pair: Pair<Scalar, unknown>;
  /** The `annotations:`/`labels:` pair itself, when the map is a pair's value. */
  readonly parentPair: Pair<Scalar, unknown> | undefined;
}

export function locateEntry(root: YAMLMap, data: Record<string, unknown> | undefined): LocatedEntry | undefined {
  const path = data?.path;
  const key = data?.key;
  if (!Array.isArray(path) || typeof key !== 'string' || !path.every((p) => typeof p === 'string' || typeof p === 'number')) return undefined;
  const map = asMap(getNode(root, path as PathSegment[]));
  const pair = findPair(map, key);
  if (!map || !pair) return undefined;
  const parentPair = findPair(asMap(getNode(root, path.slice(0, -1) as PathSegment[])), String(path[path.length - 1]));
  return { map, pair, parentPair };
}

/** A node's span without the line breaks a block value's range ends with. */
export function trimmedSpan(text: string, node: unknown): [number, number] | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  let end = span[1];
  while (end > span[0] && /\s/.test(text[end - 1])) end--;
  return end > span[0] ? [span[0], end] : span;
}

/** The value as Kubernetes would read it: a string, or undefined when it is not a string scalar. */
export function stringValue(entry: MetadataEntry): string | undefined {
  const value = entry.pair.value;
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}
