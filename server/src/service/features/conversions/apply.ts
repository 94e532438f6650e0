import { Parser } from 'yaml';
import type { ParsedFile, ParsedSection, SectionRef } from '../../core/documents';
import type { SectionEdit } from '../../rules/types';
import { lineEnding } from '../../edits/yaml-edits';
import type { ConversionResult } from './types';

/**
 * Turns a conversion's documents into file edits: they replace the old
 * resource's body as `---`-separated documents. What stood above the body
 * (the `---` marker, leading comments) stays where it is; comments from inside
 * the old body move above the first new document, so nothing the author
 * wrote is lost. Sections the conversion consumed are removed.
 */
export function conversionEdits(file: ParsedFile, ref: SectionRef, result: ConversionResult, kind: string): SectionEdit[] | undefined {
  const section = ref.parsed;
  const bodyStart = bodyOffset(section);
  if (bodyStart === undefined || result.documents.length === 0) return undefined;
  const eol = lineEnding(file.text);
  const inner = commentsFrom(section.text, bodyStart);
  const carried = inner.length > 0 ? [`# Comments from the ${kind} this replaces:`, ...inner.map((c) => c.trimEnd())].join('\n') + '\n' : '';
  let newText = carried + result.documents.map(ensureNewline).join('---\n');
  if (eol !== '\n') newText = newText.replace(/\n/g, eol);
  if (!/[\r\n]$/.test(section.text)) newText = newText.replace(/\r?\n$/, '');
  const edits: SectionEdit[] = [{ start: ref.startOffset + bodyStart, end: ref.endOffset, newText }];
  for (const index of result.consumed ?? []) {
    const other = file.sections[index];
    if (!other || other === ref) return undefined;
    edits.push({ start: other.startOffset, end: other.endOffset, newText: '' });
  }
  return edits;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

/** Offset of the first line that is not a document marker, directive, comment or blank. */
export function bodyOffset(section: ParsedSection): number | undefined {
  const { lines, text } = section;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line)).replace(/^\uFEFF/, '');
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) continue;
    if (/^---(\s|$)/.test(content) && !/^---\s+[^#\s]/.test(content)) continue;
    return line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStart(line);
  }
  return undefined;
}

/** Every comment token at or after `from`, in order, as written (`# text`). */
export function commentsFrom(text: string, from: number): string[] {
  const found: { offset: number; source: string }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      if (token.offset >= from) found.push({ offset: token.offset, source: token.source });
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  for (const token of new Parser().parse(text)) visit(token);
  const seen = new Set<number>();
  return found
    .sort((a, b) => a.offset - b.offset)
    .filter((c) => (seen.has(c.offset) ? false : (seen.add(c.offset), true)))
    .map((c) => c.source);
}
