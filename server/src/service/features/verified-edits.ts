import { isAlias, isNode, parseAllDocuments, visit } from 'yaml';
import { asKubernetesReadsIt, ParsedSection, parseSection, splitSections } from '../core/documents';
import type { SectionEdit } from '../edits/edits';
import { applyEdits } from '../edits/edits';

/**
 * The one gate every edit Mesh Config proposes or writes passes through
 * (quick fixes, fix-all, fix-on-save, conversions, suppressions, `--fix`).
 * An edit is kept only when the file it produces
 * - still has every document the edit does not touch, byte for byte, in the
 *   same place in the stream (a replaced line break must not merge the next
 *   `---` document, `...` marker or comment into a value);
 * - parses, in the documents it touches, with no more problems than before:
 *   no new syntax error, no new duplicate key, no alias left without its
 *   anchor (the `yaml` package itself accepts such an alias silently);
 * - no longer has the finding it was made for, when the caller says how to
 *   tell (`fixed`).
 */

export type EditRejection = 'overlapping-edits' | 'documents-changed' | 'yaml-problems' | 'still-reported';

export type VerifiedEdit = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: EditRejection; readonly detail: string };

export interface VerifyOptions {
  /** Whether the finding that asked for the edit is gone, judged on the text of the documents the edit touched. */
  readonly fixed?: (touchedText: string) => boolean;
  /**
   * The text's `---` sections, when the caller has them (a parsed file):
   * then only the sections around the edits are looked at, so checking one
   * fix costs the size of its neighbourhood, not of the file.
   */
  readonly sections?: readonly { readonly startOffset: number; readonly endOffset: number }[];
}

interface Segment {
  readonly start: number;
  readonly end: number;
}

/** Applies `edits` (offsets into `text`) and checks the result; see the module comment. */
export function applyVerified(text: string, edits: readonly SectionEdit[], options: VerifyOptions = {}): VerifiedEdit {
  if (edits.length === 0) return { ok: true, text };
  // The edits' neighbourhood: the sections they touch, with one untouched section on each side.
  const sections = options.sections ?? splitSections(text);
  let low = Infinity;
  let high = -Infinity;
  for (const edit of edits) {
    low = Math.min(low, edit.start);
    high = Math.max(high, edit.end);
  }
  const first = firstEndingAtOrAfter(sections, low);
  let last = first;
  while (last + 1 < sections.length && sections[last + 1].startOffset <= high) last++;
  const from = sections[Math.max(0, first - 1)]?.startOffset ?? 0;
  const to = sections[Math.min(sections.length - 1, last + 1)]?.endOffset ?? text.length;
  const window = text.slice(from, to);
  const local = edits.map((e) => ({ start: e.start - from, end: e.end - from, newText: e.newText }));
  if (local.some((e) => e.start < 0 || e.end > window.length)) return reject('overlapping-edits', 'an edit lies outside the text');

  const verdict = verifyWindow(window, local, options);
  if (!verdict.ok) return verdict;
  const edited = verdict.text;
  let whole: string | undefined;
  return {
    ok: true,
    // Built only when asked: checking whether a fix may be offered never copies the file.
    get text() {
      return (whole ??= text.slice(0, from) + edited + text.slice(to));
    },
  };
}

/** Binary search: the first section whose end is at or after `offset` (the last one when none is). */
function firstEndingAtOrAfter(sections: readonly { readonly endOffset: number }[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].endOffset >= offset) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo);
}

/** The checks, on a stretch of whole sections. */
function verifyWindow(text: string, edits: readonly SectionEdit[], options: VerifyOptions): VerifiedEdit {
  let next: string;
  try {
    next = applyEdits(text, edits);
  } catch {
    return reject('overlapping-edits', 'the edits overlap');
  }
  if (next === text) return { ok: true, text };

  const before = splitSections(text);
  const after = splitSections(next);
  const afterByStart = new Map(after.map((s) => [s.startOffset, s.endOffset]));
  const kept = new Set<number>();
  const touchedBefore: Segment[] = [];
  for (const raw of before) {
    const segment = { start: raw.startOffset, end: raw.endOffset };
    if (edits.some((edit) => touches(segment, edit))) {
      touchedBefore.push(segment);
      continue;
    }
    const start = shift(segment.start, edits);
    const end = shift(segment.end, edits);
    if (afterByStart.get(start) !== end || next.slice(start, end) !== text.slice(segment.start, segment.end)) {
      return reject('documents-changed', `the document at offset ${segment.start} would no longer stand on its own`);
    }
    kept.add(start);
  }
  const touchedAfter = after.filter((s) => !kept.has(s.startOffset)).map((s) => ({ start: s.startOffset, end: s.endOffset }));

  const problemsBefore = countProblems(text, touchedBefore);
  const problemsAfter = countProblems(next, touchedAfter);
  for (const [code, count] of problemsAfter) {
    if (count > (problemsBefore.get(code) ?? 0)) return reject('yaml-problems', `the edited YAML has a new problem: ${code}`);
  }

  if (options.fixed && touchedAfter.length > 0) {
    const touchedText = next.slice(touchedAfter[0].start, touchedAfter[touchedAfter.length - 1].end);
    if (!options.fixed(touchedText)) return reject('still-reported', 'the finding it fixes is still reported');
  }
  return { ok: true, text: next };
}

function reject(reason: EditRejection, detail: string): VerifiedEdit {
  return { ok: false, reason, detail };
}

/**
 * Whether an edit changes a document. An insertion belongs to the document it
 * is appended to (a point at a document's end), or to the first document when
 * it is at the very start of the file.
 */
function touches(segment: Segment, edit: SectionEdit): boolean {
  if (edit.start === edit.end) return (segment.start < edit.start && edit.start <= segment.end) || (edit.start === 0 && segment.start === 0);
  return edit.start < segment.end && edit.end > segment.start;
}

/** Where an offset outside every edit moves to once the edits are applied. */
function shift(offset: number, edits: readonly SectionEdit[]): number {
  let moved = offset;
  for (const edit of edits) {
    // An insertion right at a kept document's start belongs to the document before it.
    if (edit.end <= offset) moved += edit.newText.length - (edit.end - edit.start);
  }
  return moved;
}

/** Problems per kind in the given documents: parser errors (duplicate keys are errors here) and aliases without an anchor. */
export function countProblems(text: string, segments: readonly Segment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of segments) {
    for (const [code, n] of segmentProblems(text.slice(segment.start, segment.end))) counts.set(code, (counts.get(code) ?? 0) + n);
  }
  return counts;
}

// Every fix and suppression offered in one document re-checks the same original text: remember the last few.
const recentProblems = new Map<string, ReadonlyMap<string, number>>();
const RECENT_LIMIT = 32;

function segmentProblems(text: string): ReadonlyMap<string, number> {
  const known = recentProblems.get(text);
  if (known) return known;
  const counts = new Map<string, number>();
  const add = (code: string) => counts.set(code, (counts.get(code) ?? 0) + 1);
  // Nesting too deep for the parser: the service's own guard says so, without parsing.
  if (parseSection(text).unparseable !== undefined) add('UNPARSEABLE');
  // Parsed as the API server reads it (a lone CR, NEL, LS or PS ends a line), like the sections themselves.
  else parseInto(asKubernetesReadsIt(text), add);
  if (recentProblems.size >= RECENT_LIMIT) recentProblems.delete(recentProblems.keys().next().value as string);
  recentProblems.set(text, counts);
  return counts;
}

function parseInto(text: string, add: (code: string) => void): void {
  // All documents the parser finds: where it sees a marker the section split did not, the rest still counts.
  for (const doc of parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'silent' })) {
    for (const error of doc.errors) add(error.code);
    // An alias refers to the closest anchor of that name *before* it; one pass in document order.
    const anchors = new Set<string>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) add('UNRESOLVED_ALIAS');
      } else if (isNode(node) && node.anchor) {
        anchors.add(node.anchor);
      }
    });
  }
}

/** Section-relative edits moved to file offsets. */
export function shiftEdits(edits: readonly SectionEdit[], by: number): SectionEdit[] {
  return edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText }));
}

/** A stretch of text (one or more `---` documents) parsed as the service parses sections. */
export function parseRegion(text: string): ParsedSection[] {
  return splitSections(text).map((s) => parseSection(text.slice(s.startOffset, s.endOffset)));
}
