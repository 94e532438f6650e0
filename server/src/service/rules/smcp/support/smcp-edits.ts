import { isMap, isScalar, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, keySpan, nodeSpan, pairSpan } from '../../../core/ast';
import type { ParsedSection } from '../../../core/documents';
import { lineEnding, removePair } from '../../../edits/yaml-edits';
import type { SectionEdit } from '../../types';

/**
 * Insertions and multi-item removals for SMCP fixes, built on the same
 * principle as fixes/yaml-edits.ts: touch only the lines that change, and
 * return undefined (no fix offered) for any layout that cannot be edited
 * with certainty, such as flow mappings or keys that share a line with a
 * sequence dash.
 */

/** The indentation of a block mapping's keys, when every key starts its own line. */
function blockIndent(section: ParsedSection, map: YAMLMap): string | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  let indent: string | undefined;
  for (const item of map.items) {
    const key = keySpan(item as Pair);
    if (!key) return undefined;
    const start = section.lines.lineStart(section.lines.positionAt(key[0]).line);
    const own = section.text.slice(start, key[0]);
    if (own.trim() !== '' || (indent !== undefined && own !== indent)) return undefined;
    indent = own;
  }
  return indent;
}

/** How far the file indents a nested mapping (the column of the first key under `spec`, or 2). */
export function indentUnit(section: ParsedSection, root: YAMLMap): string {
  for (const item of root.items) {
    const value = (item as Pair).value;
    if (isMap(value) && !value.flow) {
      const indent = blockIndent(section, value);
      if (indent && /^ +$/.test(indent)) return indent;
    }
  }
  return '  ';
}

/** `['a', 'b'], 'x'` → `a:` / `  b: x`, one level of `unit` per key. */
export function nestedLines(keys: readonly string[], value: string, unit: string): string[] {
  return keys.map((key, i) => unit.repeat(i) + (i === keys.length - 1 ? `${key}: ${value}` : `${key}:`));
}

/** Insert lines (relative to the mapping's own indentation) before its first key. */
export function insertFirst(section: ParsedSection, map: YAMLMap, lines: readonly string[]): SectionEdit | undefined {
  const indent = blockIndent(section, map);
  const first = indent === undefined ? undefined : keySpan(map.items[0] as Pair);
  if (indent === undefined || !first) return undefined;
  const at = section.lines.lineStart(section.lines.positionAt(first[0]).line);
  const eol = lineEnding(section.text);
  return { start: at, end: at, newText: lines.map((l) => indent + l + eol).join('') };
}

/** Insert lines (relative to the mapping's own indentation) after its last entry. */
export function insertAfterLast(section: ParsedSection, map: YAMLMap, lines: readonly string[]): SectionEdit | undefined {
  const indent = blockIndent(section, map);
  const last = indent === undefined ? undefined : pairSpan(map.items[map.items.length - 1] as Pair);
  if (indent === undefined || !last) return undefined;
  const { text } = section;
  const eol = lineEnding(text);
  const body = lines.map((l) => indent + l);
  let end = last[1];
  if (text[end - 1] === '\n') return { start: end, end, newText: body.map((l) => l + eol).join('') };
  const line = section.lines.positionAt(end).line;
  if (line + 1 < section.lines.lineCount) {
    end = section.lines.lineStart(line + 1);
    return { start: end, end, newText: body.map((l) => l + eol).join('') };
  }
  end = text.length;
  return { start: end, end, newText: eol + body.join(eol) };
}

/**
 * Set `path` (below `root`) to `value` where it is missing: the missing keys
 * are nested under the deepest mapping that exists. At the root they go
 * after the last key; deeper they go first (`spec.version` reads best on top)
 * or last, as asked.
 */
export function insertPath(
  section: ParsedSection,
  root: YAMLMap,
  path: readonly string[],
  value: string,
  where: 'first' | 'last',
): SectionEdit | undefined {
  let map = root;
  let depth = 0;
  while (depth < path.length) {
    const pair = findPair(map, path[depth]);
    if (!pair) break;
    if (!isMap(pair.value)) return undefined;
    map = pair.value;
    depth++;
  }
  if (depth === path.length) return undefined;
  const lines = nestedLines(path.slice(depth), value, indentUnit(section, root));
  return depth === 0 || where === 'last' ? insertAfterLast(section, map, lines) : insertFirst(section, map, lines);
}

/**
 * Remove some entries of a mapping. When that would leave the mapping empty,
 * the pair holding it goes instead, so no key is left with a null value.
 */
export function removeEntries(
  section: ParsedSection,
  holder: Pair,
  map: YAMLMap,
  doomed: readonly Pair[],
): SectionEdit[] | undefined {
  if (doomed.length === 0) return undefined;
  if (map.items.every((item) => doomed.includes(item as Pair))) {
    const edit = removePair(section, holder);
    return edit ? [edit] : undefined;
  }
  const edits: SectionEdit[] = [];
  for (const pair of doomed) {
    const edit = removePair(section, pair);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/**
 * Remove some items of a sequence held by `holder`. Block items go line by
 * line; a flow sequence is rewritten from the source text of the items it
 * keeps (only when it holds no comments). Removing every item removes the
 * pair.
 */
export function removeSequenceItems(
  section: ParsedSection,
  holder: Pair,
  seq: YAMLSeq,
  doomed: readonly unknown[],
): SectionEdit[] | undefined {
  if (doomed.length === 0) return undefined;
  const kept = seq.items.filter((item) => !doomed.includes(item));
  if (kept.length === 0) {
    const edit = removePair(section, holder);
    return edit ? [edit] : undefined;
  }
  const { text, lines } = section;
  if (seq.flow) {
    const span = nodeSpan(seq);
    if (!span || text.slice(span[0], span[1]).includes('#')) return undefined;
    const parts: string[] = [];
    for (const item of kept) {
      const itemSpan = nodeSpan(item);
      if (!itemSpan || !isScalar(item)) return undefined;
      parts.push(text.slice(itemSpan[0], itemSpan[1]));
    }
    return [{ start: span[0], end: span[1], newText: `[${parts.join(', ')}]` }];
  }
  const edits: SectionEdit[] = [];
  for (const item of doomed) {
    const span = nodeSpan(item);
    if (!span || !isScalar(item)) return undefined;
    const line = lines.positionAt(span[0]).line;
    const start = lines.lineStart(line);
    if (!/^\s*-\s+$/.test(text.slice(start, span[0]))) return undefined;
    if (lines.positionAt(span[1]).line !== line) return undefined;
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    edits.push({ start, end, newText: '' });
  }
  return edits;
}
