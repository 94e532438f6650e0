import type { SectionRef } from '../core/documents';
import type { SectionEdit } from './edits';

/** Edit that silences `ruleId` on `line` (section-relative) with a comment above it. */
export function disableNextLineEdit(section: SectionRef, line: number, ruleId: string): SectionEdit {
  const { text, lines } = section.parsed;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (line > 0) {
    const previous = text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1));
    const existing = /^(\s*#\s*mesh-config-disable-next-line\s+)(.*?)\s*$/.exec(previous);
    if (existing) {
      const end = lines.lineStart(line - 1) + existing[1].length + existing[2].length;
      return { start: end, end, newText: `, ${ruleId}` };
    }
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))?.[0] ?? '';
  return { start, end: start, newText: `${indent}# mesh-config-disable-next-line ${ruleId}${eol}` };
}

/** Edit that silences `ruleId` in the whole section with a comment at its top. */
export function disableInDocumentEdit(section: SectionRef, ruleId: string): SectionEdit {
  const { text, lines } = section.parsed;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const firstLine = text.slice(0, lines.lineEnd(0));
  // Keep a leading `---` first: a comment above it would belong to the previous document.
  const at = /^---(\s|$)/.test(firstLine) ? lines.lineStart(1) : 0;
  if (/^---(\s|$)/.test(firstLine) && lines.lineCount === 1) {
    return { start: text.length, end: text.length, newText: `${eol}# mesh-config-disable ${ruleId}` };
  }
  return { start: at, end: at, newText: `# mesh-config-disable ${ruleId}${eol}` };
}
