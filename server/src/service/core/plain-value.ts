import { Alias, isAlias, isMap, isPair, isScalar, isSeq, Node } from 'yaml';

/**
 * Converts a parsed YAML node to plain data for schema validation, at a cost
 * linear in the document's size whatever its aliases do.
 *
 * Why not `Document.toJS`: the `yaml` package resolves each alias by scanning
 * every anchor and alias before it, which makes 30,000 aliases cost minutes,
 * and its guard against alias bombs throws on any document with more than a
 * few dozen aliases, which used to switch validation off silently.
 *
 * Here anchors are remembered by name in document order (the latest
 * definition before an alias wins, as in YAML), an alias shares its anchor's
 * converted value instead of copying it, and the size the data would have
 * with every alias expanded is counted on the way (a shared value is counted
 * once per use). The caller decides from that size whether walking the data
 * (as a validator does) is affordable.
 */
export type PlainData =
  | { readonly ok: true; readonly value: unknown; readonly ownValues: number; readonly expandedValues: number }
  | { readonly ok: false; readonly unresolvedAlias: Alias };

interface Converted {
  readonly value: unknown;
  /** Values this node stands for with every alias expanded. */
  readonly expanded: number;
}

class UnresolvedAlias extends Error {
  constructor(readonly alias: Alias) {
    super(`unresolved alias *${alias.source}`);
  }
}

export function toPlainData(root: unknown): PlainData {
  const anchors = new Map<string, Converted>();
  let ownValues = 0;

  function convert(node: unknown): Converted {
    if (node === null || node === undefined) return { value: null, expanded: 1 };
    if (isAlias(node)) {
      // An anchor is registered once its node is complete, so an alias inside
      // its own anchor is unresolved here, as it is for the API server.
      const target = anchors.get(node.source);
      if (!target) throw new UnresolvedAlias(node);
      ownValues++;
      return target;
    }
    ownValues++;
    let converted: Converted;
    if (isScalar(node)) {
      const value = typeof node.value === 'bigint' ? Number(node.value) : node.value;
      converted = { value: value === undefined ? null : value, expanded: 1 };
    } else if (isMap(node)) {
      const object: Record<string, unknown> = {};
      let expanded = 1;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = convert(item.key);
        const value = convert(item.value);
        expanded += key.expanded + value.expanded;
        setProperty(object, keyString(key), value.value);
      }
      converted = { value: object, expanded };
    } else if (isSeq(node)) {
      const array: unknown[] = [];
      let expanded = 1;
      for (const item of node.items) {
        const value = convert(item);
        expanded += value.expanded;
        array.push(value.value);
      }
      converted = { value: array, expanded };
    } else {
      converted = { value: null, expanded: 1 };
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, converted);
    return converted;
  }

  try {
    const { value, expanded } = convert(root);
    return { ok: true, value, ownValues, expandedValues: expanded };
  } catch (error) {
    if (error instanceof UnresolvedAlias) return { ok: false, unresolvedAlias: error.alias };
    throw error;
  }
}

/** Longest expansion of a collection key that is spelled out; a key never expands an alias bomb. */
const MAX_KEY_VALUES = 1000;

/** Object keys are strings: a collection used as a key becomes its JSON text, null the empty string (as `toJS` does). */
function keyString(key: Converted): string {
  const value = key.value;
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return key.expanded <= MAX_KEY_VALUES ? (JSON.stringify(value) ?? '') : '[collection]';
}

/** `__proto__` as a key is data, not the object's prototype. */
function setProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
