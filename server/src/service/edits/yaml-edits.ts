import { isMap, isPair, isScalar, isSeq, Pair, parse, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { keySpan, nodeSpan, pairSpan } from '../core/ast';
import type { ParsedSection } from '../core/documents';
import type { SectionEdit } from './edits';
import {
  blockLines,
  colonEnd,
  containerChain,
  contentEnd,
  dashOffset,
  formatKey,
  isOnlyIndent,
  leadingCommentStart,
  linePrefix,
} from './yaml-layout';

/**
 * Minimal text edits on a parsed section. Each primitive touches only the
 * bytes of the node it changes, so comments, quoting, indentation, flow or
 * block style and line endings elsewhere stay exactly as they were. They
 * return undefined when they cannot edit safely (then no fix is offered).
 */

export interface RemoveOptions {
  /**
   * When the removed entry was the last one of its mapping or list, remove
   * the key (or list item) holding that collection too, recursively. Without
   * it the collection stays, written as `{}` or `[]`.
   */
  readonly removeEmptyParent?: boolean;
}

/** Replace a node's text with `newText`, exactly as given. */
export function replaceValue(node: unknown, newText: string): SectionEdit | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  return { start: span[0], end: span[1], newText };
}

/**
 * Replace a scalar with a string value, written the way the old one was: a
 * quoted scalar stays quoted in the same style, a plain one stays plain when
 * that reads back as the same string (else it gets double quotes).
 */
export function replaceScalar(node: unknown, value: string): SectionEdit | undefined {
  const span = nodeSpan(node);
  if (!span || !isScalar(node)) return undefined;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return { start: span[0], end: span[1], newText: formatKey(value, node.type) };
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
  return { start: span[0], end: span[1], newText: readsAsSameString(value) ? value : JSON.stringify(value) };
}

/** Rename a key in place, keeping its quoting style (the value and its comments are untouched). */
export function renameKey(pair: Pair, newKey: string): SectionEdit | undefined {
  const span = keySpan(pair);
  if (!span) return undefined;
  const style = isScalar(pair.key) ? (pair.key as Scalar).type : undefined;
  return { start: span[0], end: span[1], newText: formatKey(newKey, style) };
}

/**
 * Remove a key and its value. Block mappings lose whole lines, from the key's
 * line to the last line of its value (comments on those lines and deeper
 * indented comments right after go with it; comment lines above the key stay,
 * they may describe more than this key). In a flow mapping the entry goes with
 * one comma. The first key of a list item (`- name: x`) hands its dash to the
 * next key.
 */
export function removePair(section: ParsedSection, pair: Pair, options: RemoveOptions = {}): SectionEdit | undefined {
  const chain = containerChain(section.doc.contents, pair);
  const map = chain?.[chain.length - 1].collection;
  if (!chain || !isMap(map)) return undefined;
  if (map.items.length === 1) return emptyCollection(section, chain, [pair], options)?.[0];
  if (map.flow) return removeFlowRuns(map.items, [map.items.indexOf(pair)])?.[0];
  return removeBlockPair(section, map, pair);
}

/** Replace a whole pair (key and value lines) by new lines at the same indentation. */
export function replacePair(section: ParsedSection, pair: Pair, newLines: readonly string[]): SectionEdit | undefined {
  if (newLines.length === 0) return removePair(section, pair);
  const key = keySpan(pair);
  const end = contentEnd(pair);
  if (!key || end === undefined) return undefined;
  const prefix = linePrefix(section, key[0]);
  const eol = lineEnding(section.text);
  if (isOnlyIndent(prefix)) {
    const lines = blockLines(section, key[0], end);
    const indent = prefix.replace(/^\uFEFF/, '');
    const endsWithNewline = /\n$/.test(section.text.slice(lines.start, lines.end));
    const body = newLines.map((l) => indent + l).join(eol);
    return { start: lines.start, end: lines.end, newText: body + (endsWithNewline ? eol : '') };
  }
  // `- key: value` (or a flow entry): replace in place, continuation lines at the key's column.
  if (!/^[ \t]*(?:-[ \t]+)+$/.test(prefix) || newLines.length > 1 && isFlowPair(section, pair)) return undefined;
  const indent = ' '.repeat(prefix.length);
  return { start: key[0], end, newText: newLines.map((l, i) => (i === 0 ? l : indent + l)).join(eol) };
}

/** Remove one item from a block or flow list (see `removeItems`). */
export function removeItem(section: ParsedSection, seq: YAMLSeq, item: unknown, options: RemoveOptions = {}): SectionEdit | undefined {
  const edits = removeItems(section, seq, [item], options);
  return edits && edits.length === 1 ? edits[0] : undefined;
}

/**
 * Remove items from a list: whole lines in a block list (`- x`), entries with
 * their commas in a flow list (`[x, y]`). When every item goes, the list stays
 * as `[]` unless `removeEmptyParent` asks to remove its key too.
 */
export function removeItems(
  section: ParsedSection,
  seq: YAMLSeq,
  items: readonly unknown[],
  options: RemoveOptions = {},
): SectionEdit[] | undefined {
  const indices = [...new Set(items.map((item) => seq.items.indexOf(item)))].sort((a, b) => a - b);
  if (indices.length === 0 || indices[0] < 0) return undefined;
  if (indices.length === seq.items.length) {
    const chain = containerChain(section.doc.contents, seq.items[0]);
    return chain ? emptyCollection(section, chain, seq.items, options) : undefined;
  }
  if (seq.flow) return removeFlowRuns(seq.items, indices);
  const edits: SectionEdit[] = [];
  for (const index of indices) {
    const item = seq.items[index];
    const dash = dashOffset(section, item);
    const end = contentEnd(item);
    if (dash === undefined || end === undefined || !isOnlyIndent(linePrefix(section, dash))) return undefined;
    const lines = blockLines(section, dash, end);
    edits.push({ start: lines.start, end: lines.end, newText: '' });
  }
  return edits;
}

export interface InsertOptions {
  /** Insert right after this key's entry; default: after the last entry. */
  readonly after?: string;
  /** Insert right before this key's entry (and the comments above it). */
  readonly before?: string;
  /** Insert as the first entry. */
  readonly first?: boolean;
}

/**
 * Insert `key: value` into a mapping, at the indentation of its other keys.
 * `value` is a scalar's text, or the lines of a nested block (indented by
 * two spaces under the key). Flow mappings get `key: value` with a comma
 * (scalar values only).
 */
export function insertPair(
  section: ParsedSection,
  map: YAMLMap,
  key: string,
  value: string | readonly string[],
  options: InsertOptions = {},
): SectionEdit | undefined {
  const entry = typeof value === 'string' ? `${formatKey(key)}: ${value}` : `${formatKey(key)}:`;
  const pairs = map.items.filter(isPair);
  const anchorIndex = options.first
    ? 0
    : options.before !== undefined
      ? pairs.findIndex((p) => keyIs(p, options.before!))
      : options.after !== undefined
        ? pairs.findIndex((p) => keyIs(p, options.after!))
        : pairs.length - 1;
  const insertBefore = options.first === true || options.before !== undefined;
  if (map.flow) {
    if (typeof value !== 'string') return undefined;
    if (pairs.length === 0) {
      const span = nodeSpan(map);
      return span ? { start: span[0], end: span[1], newText: `{ ${entry} }`.replace(/^\{ (.*) \}$/, '{$1}') } : undefined;
    }
    if (anchorIndex < 0) return undefined;
    const anchor = pairSpan(pairs[anchorIndex]);
    if (!anchor) return undefined;
    return insertBefore ? { start: anchor[0], end: anchor[0], newText: `${entry}, ` } : { start: anchor[1], end: anchor[1], newText: `, ${entry}` };
  }
  if (pairs.length === 0 || anchorIndex < 0) return undefined;
  const eol = lineEnding(section.text);
  const firstKey = keySpan(pairs[0]);
  const anchorPair = pairs[anchorIndex];
  const anchorKey = keySpan(anchorPair);
  const anchorEnd = contentEnd(anchorPair);
  if (!firstKey || !anchorKey || anchorEnd === undefined) return undefined;
  const column = firstKey[0] - section.lines.lineStart(section.lines.positionAt(firstKey[0]).line);
  const indent = ' '.repeat(column);
  const nested = typeof value === 'string' ? [] : value.map((l) => (l === '' ? '' : `${indent}  ${l}`));
  const prefix = linePrefix(section, anchorKey[0]);
  if (insertBefore) {
    if (!isOnlyIndent(prefix)) {
      // `- name: x`: the new key takes the dash, `name` moves to the next line.
      if (!/^[ \t]*(?:-[ \t]+)+$/.test(prefix)) return undefined;
      return { start: anchorKey[0], end: anchorKey[0], newText: [entry, ...nested, indent].join(eol) };
    }
    const line = section.lines.positionAt(anchorKey[0]).line;
    const at = leadingCommentStart(section, line, column);
    return { start: at, end: at, newText: [indent + entry, ...nested].join(eol) + eol };
  }
  const lines = blockLines(section, anchorKey[0], anchorEnd);
  const needsBreak = lines.end === section.text.length && !/[\r\n]$/.test(section.text);
  const body = [indent + entry, ...nested].join(eol);
  return { start: lines.end, end: lines.end, newText: needsBreak ? eol + body : body + eol };
}

/**
 * Set a value at a path that does not exist yet, creating the missing
 * mappings under the deepest one that does (`spec:` with no value counts as
 * an empty mapping). Undefined when the path exists or runs through a scalar.
 */
export function insertAtPath(
  section: ParsedSection,
  root: YAMLMap,
  path: readonly string[],
  value: string,
  options: InsertOptions = {},
): SectionEdit | undefined {
  let map = root;
  for (let depth = 0; depth < path.length; depth++) {
    const pair = map.items.find((p) => isPair(p) && keyIs(p, path[depth])) as Pair | undefined;
    if (!pair) return insertPair(section, map, path[depth], nestedValue(path.slice(depth + 1), value), depth === path.length - 1 ? options : {});
    if (depth === path.length - 1) return undefined;
    if (isMap(pair.value)) {
      map = pair.value;
      continue;
    }
    if (!isEmptyValue(pair.value)) return undefined;
    return fillEmptyPair(section, pair, path.slice(depth + 1), value);
  }
  return undefined;
}

export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function nestedValue(rest: readonly string[], value: string): string | string[] {
  if (rest.length === 0) return value;
  const lines: string[] = [];
  rest.forEach((segment, i) => {
    const pad = '  '.repeat(i);
    lines.push(i === rest.length - 1 ? `${pad}${formatKey(segment)}: ${value}` : `${pad}${formatKey(segment)}:`);
  });
  return lines;
}

/** `spec:` (no value) becomes `spec:` followed by the nested path. */
function fillEmptyPair(section: ParsedSection, pair: Pair, rest: readonly string[], value: string): SectionEdit | undefined {
  const colon = colonEnd(section, pair);
  const key = keySpan(pair);
  if (colon === undefined || !key) return undefined;
  const prefix = linePrefix(section, key[0]);
  if (!isOnlyIndent(prefix) && !/^[ \t]*(?:-[ \t]+)+$/.test(prefix)) return undefined;
  const indent = ' '.repeat(prefix.replace(/^\uFEFF/, '').length + 2);
  const eol = lineEnding(section.text);
  const lines = nestedValue(rest, value);
  const body = (typeof lines === 'string' ? [lines] : lines).map((l) => indent + l).join(eol);
  // Keep a trailing comment on the key's line where it is.
  const lineEnd = section.lines.lineEnd(section.lines.positionAt(key[0]).line);
  return { start: lineEnd, end: lineEnd, newText: eol + body };
}

/** `key:` with nothing after it (not `key: null` or `key: ~`, which say so on purpose). */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (!isScalar(value) || value.value !== null) return false;
  const span = nodeSpan(value);
  return !span || span[1] === span[0];
}

function keyIs(pair: Pair, key: string): boolean {
  return isScalar(pair.key) && String(pair.key.value) === key;
}

function readsAsSameString(text: string): boolean {
  if (!/^[^'"\s#]/.test(text) || /[\r\n]/.test(text)) return false;
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}

function isFlowPair(section: ParsedSection, pair: Pair): boolean {
  const chain = containerChain(section.doc.contents, pair);
  return chain?.[chain.length - 1].collection.flow === true;
}

function removeBlockPair(section: ParsedSection, map: YAMLMap, pair: Pair): SectionEdit | undefined {
  const key = keySpan(pair);
  const end = contentEnd(pair);
  if (!key || end === undefined) return undefined;
  const prefix = linePrefix(section, key[0]);
  if (isOnlyIndent(prefix)) {
    const lines = blockLines(section, key[0], end);
    return { start: lines.start, end: lines.end, newText: '' };
  }
  // First key of a list item: the next key moves up onto the dash line.
  if (/^[ \t]*(?:-[ \t]+)+$/.test(prefix) && map.items[0] === pair) {
    const next = keySpan(map.items[1] as Pair);
    return next ? { start: key[0], end: next[0], newText: '' } : undefined;
  }
  return undefined;
}

/**
 * Flow entries by runs of consecutive indices: a run takes the commas after
 * it, a run that reaches the end takes the comma before it instead.
 */
function removeFlowRuns(items: readonly unknown[], indices: readonly number[]): SectionEdit[] | undefined {
  const span = (item: unknown) => (isPair(item) ? pairSpan(item) : nodeSpan(item));
  const edits: SectionEdit[] = [];
  let i = 0;
  while (i < indices.length) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    const first = span(items[indices[i]]);
    const last = span(items[indices[j]]);
    if (!first || !last) return undefined;
    if (indices[j] < items.length - 1) {
      const next = span(items[indices[j] + 1]);
      if (!next) return undefined;
      edits.push({ start: first[0], end: next[0], newText: '' });
    } else {
      const previous = span(items[indices[i] - 1]);
      if (!previous) return undefined;
      edits.push({ start: previous[1], end: last[1], newText: '' });
    }
    i = j + 1;
  }
  return edits;
}

/**
 * The collection at the end of `chain` loses all its entries (`removed`):
 * remove its holder when asked, otherwise leave `{}` / `[]` in its place.
 */
function emptyCollection(
  section: ParsedSection,
  chain: readonly { collection: YAMLMap | YAMLSeq; item: unknown }[],
  removed: readonly unknown[],
  options: RemoveOptions,
): SectionEdit[] | undefined {
  const collection = chain[chain.length - 1].collection;
  const holder = chain.length >= 2 ? chain[chain.length - 2] : undefined;
  const empty = isSeq(collection) ? '[]' : '{}';
  if (options.removeEmptyParent && holder) {
    if (isPair(holder.item)) {
      const edit = removePair(section, holder.item, options);
      return edit ? [edit] : undefined;
    }
    if (isSeq(holder.collection)) return removeItems(section, holder.collection, [holder.item], options);
  }
  const span = nodeSpan(collection);
  if (!span) return undefined;
  if (collection.flow) return [{ start: span[0], end: span[1], newText: empty }];
  const firstItem = removed[0];
  const firstAnchor = isSeq(collection) ? dashOffset(section, firstItem) : keySpan(firstItem as Pair)?.[0];
  const end = contentEnd(removed[removed.length - 1]);
  if (firstAnchor === undefined || end === undefined) return undefined;
  const prefix = linePrefix(section, firstAnchor);
  if (!holder) {
    // The document's top level: only the lines go.
    if (!isOnlyIndent(prefix)) return undefined;
    const lines = blockLines(section, firstAnchor, end);
    return [{ start: lines.start, end: lines.end, newText: '' }];
  }
  if (isPair(holder.item)) {
    const colon = colonEnd(section, holder.item);
    if (colon === undefined || !isOnlyIndent(prefix)) return undefined;
    const lines = blockLines(section, firstAnchor, end);
    // Comments between the key and its first entry stay, after the new `{}`.
    const between = section.text.slice(colon, lines.start);
    return [{ start: colon, end: lines.end, newText: ` ${empty}${between}` }];
  }
  // A list item that was `- name: x`: keep the dash.
  return [{ start: firstAnchor, end, newText: empty }];
}
