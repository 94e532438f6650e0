import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { keyText, PathSegment } from './ast';

export interface PathAtOffset {
  /** Path to the innermost key or item around the offset. */
  readonly path: PathSegment[];
  /** True when the offset is on a key, false when on (or after) its value. */
  readonly onKey: boolean;
  /** The value node at the path, if any. */
  readonly value: unknown;
}

/**
 * The path of the key or value at an offset. The offset may be just after a
 * key's colon with no value yet (the usual place to ask for completion).
 */
export function pathAtOffset(root: unknown, offset: number): PathAtOffset | undefined {
  return descend(root, offset, []);
}

function descend(node: unknown, offset: number, path: PathSegment[]): PathAtOffset | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = keyText(item);
      const keyRange = (item.key as { range?: [number, number, number] } | null)?.range;
      if (key === undefined || !keyRange) continue;
      const valueRange = (item.value as { range?: [number, number, number] } | null)?.range;
      if (offset >= keyRange[0] && offset <= keyRange[1]) return { path: [...path, key], onKey: true, value: item.value };
      const valueEnd = valueRange ? valueRange[2] : keyRange[2];
      if (offset > keyRange[1] && offset <= valueEnd) {
        if (isMap(item.value) || isSeq(item.value)) {
          const inner = descend(item.value, offset, [...path, key]);
          if (inner) return inner;
        }
        return { path: [...path, key], onKey: false, value: item.value };
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (!range || offset < range[0] || offset > range[2]) continue;
      if (isScalar(item)) return { path: [...path, i], onKey: false, value: item };
      return descend(item, offset, [...path, i]) ?? { path: [...path, i], onKey: false, value: item };
    }
  }
  return undefined;
}
