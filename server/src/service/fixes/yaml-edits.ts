import type { Pair } from 'yaml';
import type { ParsedSection } from '../documents';
import type { SectionEdit } from '../rules/types';
import { keySpan, nodeSpan } from '../ast';

/**
 * Minimal text edits on a parsed section. Each primitive touches only the
 * bytes of the node it changes, so comments, quoting, indentation and line
 * endings elsewhere stay exactly as they were.
 */

/** Replace a scalar value's text, keeping everything around it. */
export function replaceValue(node: unknown, newText: string): SectionEdit | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  return { start: span[0], end: span[1], newText };
}

/** Rename a key in place (the value and its comments are untouched). */
export function renameKey(pair: Pair, newKey: string): SectionEdit | undefined {
  const span = keySpan(pair);
  if (!span) return undefined;
  return { start: span[0], end: span[1], newText: newKey };
}

/**
 * Remove a key and its value from a block mapping: whole lines, from the
 * key's line to the last line of its value. Comments on lines of their own
 * above the key stay (they may describe more than this key). Flow mappings
 * and pairs that share a line with a sequence dash are not handled here:
 * returns undefined so no fix is offered rather than a risky one.
 */
export function removePair(section: ParsedSection, pair: Pair): SectionEdit | undefined {
  const key = keySpan(pair);
  if (!key) return undefined;
  const { text, lines } = section;
  const keyLine = lines.positionAt(key[0]).line;
  const lineStart = lines.lineStart(keyLine);
  if (text.slice(lineStart, key[0]).trim() !== '') return undefined;
  const value = pair.value as { range?: [number, number, number] } | null;
  const end = value?.range ? Math.max(value.range[1], key[1]) : key[1];
  const lastLine = lines.positionAt(Math.max(end - 1, key[0])).line;
  const afterLastLine = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  // A trailing comment on the value's last line goes with it.
  return { start: lineStart, end: afterLastLine, newText: '' };
}

/** Replace a whole pair (key and value lines) by new lines at the same indentation. */
export function replacePair(section: ParsedSection, pair: Pair, newLines: readonly string[]): SectionEdit | undefined {
  const removal = removePair(section, pair);
  const key = keySpan(pair);
  if (!removal || !key) return undefined;
  if (newLines.length === 0) return removal;
  const { text, lines } = section;
  const keyLine = lines.positionAt(key[0]).line;
  const indent = text.slice(lines.lineStart(keyLine), key[0]);
  const eol = lineEnding(text);
  const endsWithNewline = removal.end > removal.start && /\n$/.test(text.slice(removal.start, removal.end));
  const body = newLines.map((l) => indent + l).join(eol);
  return { ...removal, newText: body + (endsWithNewline ? eol : '') };
}

export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
