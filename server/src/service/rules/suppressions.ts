import type { LineIndex } from '../core/lines';

/**
 * `# mesh-config-disable-next-line <id>[, <id>]` silences the next line;
 * `# mesh-config-disable <id>` silences the rest of the document. Without
 * ids they silence every rule.
 */
export interface Suppression {
  readonly kind: 'next-line' | 'rest';
  /** Line of the comment, section-relative. */
  readonly line: number;
  /** Empty means all rules. */
  readonly ids: readonly string[];
  /** Section-relative offsets of each id, to report unknown ones. */
  readonly idSpans: readonly (readonly [number, number])[];
}

const DIRECTIVE = /#\s*mesh-config-disable(-next-line)?(?=\s|$)([^\n\r]*)/g;

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('mesh-config-disable')) return [];
  const result: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index ?? 0;
    const listStart = start + match[0].length - match[2].length;
    const ids: string[] = [];
    const idSpans: [number, number][] = [];
    for (const idMatch of match[2].matchAll(/[A-Za-z0-9][\w.-]*/g)) {
      const idStart = listStart + (idMatch.index ?? 0);
      ids.push(idMatch[0]);
      idSpans.push([idStart, idStart + idMatch[0].length]);
    }
    result.push({ kind: match[1] ? 'next-line' : 'rest', line: lines.positionAt(start).line, ids, idSpans });
  }
  return result;
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  return suppressions.some(
    (s) =>
      (s.ids.length === 0 || s.ids.includes(ruleId)) &&
      (s.kind === 'next-line' ? line === s.line + 1 : line > s.line),
  );
}
