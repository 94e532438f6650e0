import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** Helpers to read the `yaml` AST without converting it to plain JS. */

export type PathSegment = string | number;

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

/** The pair whose key equals `key` in a mapping. */
export function findPair(map: YAMLMap | undefined, key: string): Pair<Scalar, unknown> | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item) === key) return item as Pair<Scalar, unknown>;
  }
  return undefined;
}

export function getChild(node: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number') {
    const seq = asSeq(node);
    return seq ? seq.items[segment] : undefined;
  }
  return findPair(asMap(node), segment)?.value ?? undefined;
}

/** The node at a path, or undefined when any step is missing. */
export function getNode(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    node = getChild(node, segment);
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

/** The pair that holds the last segment of a path (for key ranges). */
export function getPair(root: unknown, path: readonly string[]): Pair<Scalar, unknown> | undefined {
  if (path.length === 0) return undefined;
  const parent = getNode(root, path.slice(0, -1));
  return findPair(asMap(parent), path[path.length - 1]);
}

/** A scalar's value as a string, or undefined when the node is not a scalar. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  return String(value);
}

export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** Iterate a mapping's pairs with their string keys. */
export function* entries(node: unknown): Generator<[string, Pair<Scalar, unknown>]> {
  const map = asMap(node);
  if (!map) return;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyText(item);
    if (key !== undefined) yield [key, item as Pair<Scalar, unknown>];
  }
}

/** Offsets [start, end) of a node's own text (not its trailing comment). */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}

/** Offsets of a pair's key. */
export function keySpan(pair: Pair): [number, number] | undefined {
  return nodeSpan(pair.key);
}

/** Offsets from a pair's key to the end of its value. */
export function pairSpan(pair: Pair): [number, number] | undefined {
  const key = keySpan(pair);
  if (!key) return undefined;
  const value = nodeSpan(pair.value);
  return [key[0], value ? Math.max(value[1], key[1]) : key[1]];
}
