import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedFile, SectionRef } from '../core/documents';
import type { RuleFix, SectionEdit } from '../rules/types';
import { applyVerified } from './verified-edits';

/** What fix-all needs from the language service. */
export interface FixHost {
  parse(uri: string, version: number, text: string): ParsedFile;
  diagnostics(uri: string, version: number, text: string): Diagnostic[];
  /**
   * A text fix-all works on (the document, then each pass's result), parsed
   * and analysed in scratch state: the document's own cached parse and
   * diagnostics stay as they are.
   */
  scratch(uri: string, text: string): { file: ParsedFile; diagnostics: Diagnostic[] };
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
    const { file, diagnostics } = host.scratch(uri, current);
    const taken: SectionEdit[][] = [];
    const fixedIds: string[] = [];
    for (const diagnostic of diagnostics) {
      if (ruleId !== undefined && diagnostic.code !== ruleId) continue;
      const fix = safeFix(host.fixesFor(file, diagnostic));
      if (!fix) continue;
      const section = host.sectionFor(file, diagnostic);
      const absolute = fix.edits.map((e) => shift(e, section.startOffset));
      if (absolute.some((a) => taken.some((edits) => edits.some((b) => overlaps(a, b))))) continue;
      taken.push(absolute);
      fixedIds.push(String(diagnostic.code));
    }
    if (taken.length === 0) break;
    const next = combine(current, file.sections, taken, fixedIds, applied);
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

/**
 * Applies one pass's fixes. Each was verified on its own; together they are
 * verified again (two removals in one mapping can empty it in a way neither
 * does alone). When the whole pass fails the check, fixes are added one by
 * one and each that breaks the file is left out.
 */
function combine(text: string, sections: ParsedFile['sections'], fixes: readonly SectionEdit[][], ids: readonly string[], applied: string[]): string {
  const all = applyVerified(text, fixes.flat(), { sections });
  if (all.ok) {
    applied.push(...ids);
    return all.text;
  }
  const kept: SectionEdit[] = [];
  let result = text;
  fixes.forEach((edits, i) => {
    const trial = applyVerified(text, [...kept, ...edits], { sections });
    if (!trial.ok) return;
    kept.push(...edits);
    applied.push(ids[i]);
    result = trial.text;
  });
  return result;
}
