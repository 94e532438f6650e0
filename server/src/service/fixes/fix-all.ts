import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedFile, SectionRef } from '../documents';
import type { RuleFix, SectionEdit } from '../rules/types';
import { applyEdits } from './edits';

/** What fix-all needs from the language service. */
export interface FixHost {
  parse(uri: string, version: number, text: string): ParsedFile;
  diagnostics(uri: string, version: number, text: string): Diagnostic[];
  /** The fixes a rule offers for one diagnostic (only those whose result parses). */
  fixesFor(file: ParsedFile, diagnostic: Diagnostic): RuleFix[];
  sectionFor(file: ParsedFile, diagnostic: Diagnostic): SectionRef;
}

export interface FixAllResult {
  readonly text: string;
  /** Rule ids of the fixes applied, in order. */
  readonly applied: string[];
}

/** The fix fix-all takes for a diagnostic: the preferred safe one, else the first safe one. */
export function safeFix(fixes: readonly RuleFix[]): RuleFix | undefined {
  return fixes.find((f) => f.safe && f.preferred) ?? fixes.find((f) => f.safe);
}

/**
 * Applies every safe fix (of one rule, when `ruleId` is given), pass after
 * pass until nothing changes: a fix whose edits would overlap or touch the
 * insertion point of one already taken waits for the next pass, where it is
 * recomputed on the new text. Applying the result again changes nothing.
 */
export function fixAllText(host: FixHost, uri: string, text: string, ruleId?: string, maxPasses = 10): FixAllResult {
  let current = text;
  const applied: string[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const version = -1 - pass;
    const file = host.parse(uri, version, current);
    const taken: { start: number; end: number; newText: string }[] = [];
    for (const diagnostic of host.diagnostics(uri, version, current)) {
      if (ruleId !== undefined && diagnostic.code !== ruleId) continue;
      const fix = safeFix(host.fixesFor(file, diagnostic));
      if (!fix) continue;
      const section = host.sectionFor(file, diagnostic);
      const absolute = fix.edits.map((e) => shift(e, section.startOffset));
      if (absolute.some((a) => taken.some((b) => overlaps(a, b)))) continue;
      for (const edit of absolute) taken.push(edit);
      applied.push(String(diagnostic.code));
    }
    if (taken.length === 0) break;
    const next = applyEdits(current, taken);
    if (next === current) break;
    current = next;
  }
  return { text: current, applied };
}

function shift(edit: SectionEdit, by: number): { start: number; end: number; newText: string } {
  return { start: edit.start + by, end: edit.end + by, newText: edit.newText };
}

/** Overlapping ranges, or two edits at the same point (their order would be arbitrary). */
function overlaps(a: SectionEdit, b: SectionEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}
