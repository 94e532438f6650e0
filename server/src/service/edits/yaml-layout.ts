import { isCollection, isPair, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { keySpan, nodeSpan } from '../core/ast';
import type { ParsedSection } from '../core/documents';

/**
 * Where nodes sit in the text: the line-level facts the edit primitives need
 * (which lines a key or list item covers, which comments belong to it, which
 * collection holds it).
 */

/** One step from the root down to a node: the collection and the item (pair or seq item) taken. */
export interface ContainerStep {
  readonly collection: YAMLMap | YAMLSeq;
  readonly item: unknown;
}

/** The chain of collections from `root` down to `target` (a pair or a seq item), or undefined. */
export function containerChain(root: unknown, target: unknown): ContainerStep[] | undefined {
  if (!isCollection(root)) return undefined;
  for (const item of root.items) {
    if (item === target) return [{ collection: root, item }];
    const child = isPair(item) ? item.value : item;
    const below = containerChain(child, target);
    if (below) return [{ collection: root, item }, ...below];
  }
  return undefined;
}

/** End offset of the last token of a pair or node, excluding trailing comments. */
export function contentEnd(node: unknown): number | undefined {
  if (isPair(node)) {
    const key = keySpan(node);
    const value = node.value === null || node.value === undefined ? undefined : contentEnd(node.value);
    if (!key) return value;
    return value === undefined ? key[1] : Math.max(key[1], value);
  }
  if (isCollection(node)) {
    if (node.flow || node.items.length === 0) return nodeSpan(node)?.[1];
    return contentEnd(node.items[node.items.length - 1]);
  }
  return nodeSpan(node)?.[1];
}

export function isCommentLine(line: string): boolean {
  return line.trimStart().startsWith('#');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function lineText(section: ParsedSection, line: number): string {
  return section.text.slice(section.lines.lineStart(line), section.lines.lineEnd(line));
}

/** Column of an offset on its line. */
export function columnOf(section: ParsedSection, offset: number): number {
  return offset - section.lines.lineStart(section.lines.positionAt(offset).line);
}

/** Text on the offset's line before it. */
export function linePrefix(section: ParsedSection, offset: number): string {
  return section.text.slice(section.lines.lineStart(section.lines.positionAt(offset).line), offset);
}

/** Start of the document's content on line 0: after a byte order mark, if any. */
function bomAware(section: ParsedSection, offset: number): number {
  return offset === 0 && section.text.charCodeAt(0) === 0xfeff ? 1 : offset;
}

/**
 * The whole lines of a block entry that starts at `anchor` (a key or a list
 * dash) and whose content ends at `end`: from the anchor's line to the end of
 * its last line, plus comment lines right after it that are indented deeper
 * than the anchor (they sit inside the entry). Comments at the anchor's own
 * indentation or less belong to whatever follows and are kept.
 */
export function blockLines(section: ParsedSection, anchor: number, end: number): { start: number; end: number } {
  const { lines, text } = section;
  const firstLine = lines.positionAt(anchor).line;
  const column = anchor - lines.lineStart(firstLine);
  let lastLine = lines.positionAt(Math.max(end - 1, anchor)).line;
  while (lastLine + 1 < lines.lineCount) {
    const next = lineText(section, lastLine + 1);
    if (!isCommentLine(next) || indentOf(next) <= column) break;
    lastLine++;
  }
  const after = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  return { start: bomAware(section, lines.lineStart(firstLine)), end: after };
}

/**
 * Start of the comment lines directly above `line` that are indented at
 * `column` or deeper: they describe the entry below them, so text inserted
 * before that entry goes above them.
 */
export function leadingCommentStart(section: ParsedSection, line: number, column: number): number {
  let first = line;
  while (first > 0) {
    const previous = lineText(section, first - 1);
    if (!isCommentLine(previous) || indentOf(previous) < column) break;
    first--;
  }
  return bomAware(section, section.lines.lineStart(first));
}

/** Offset just after the `:` that follows a pair's key, or undefined (explicit `?` keys, odd layouts). */
export function colonEnd(section: ParsedSection, pair: Pair): number | undefined {
  const key = keySpan(pair);
  if (!key) return undefined;
  const match = /^[ \t]*:/.exec(section.text.slice(key[1], key[1] + 200));
  return match ? key[1] + match[0].length : undefined;
}

/** Offset of the `-` that introduces a block sequence item, when only indentation precedes it. */
export function dashOffset(section: ParsedSection, item: unknown): number | undefined {
  const span = nodeSpan(item);
  if (!span) return undefined;
  const prefix = linePrefix(section, span[0]);
  const match = /^([ \t]*)-[ \t]+$/.exec(prefix) ?? /^([ \t]*)-$/.exec(prefix);
  return match ? span[0] - prefix.length + match[1].length : undefined;
}

export function isOnlyIndent(text: string): boolean {
  return /^[ \t]*$/.test(text) || /^\uFEFF[ \t]*$/.test(text);
}

/** How a key must be written so it reads back as `key`; plain when that is safe. */
export function formatKey(key: string, style?: string): string {
  if (style === 'QUOTE_SINGLE') return `'${key.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(key);
  return isPlainSafe(key) ? key : JSON.stringify(key);
}

/** A string that YAML reads back as the same string when written without quotes, in block or flow context. */
export function isPlainSafe(text: string): boolean {
  if (!/^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/.test(text) || /\s$/.test(text)) return false;
  // Words YAML 1.2 core schema reads as something other than a string.
  return !/^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~|[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(
    text,
  );
}
