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
  /**
   * Whether the finding that asked for the edit is gone from the edited text;
   * `region` is where the touched documents now sit in it.
   */
  readonly fixed?: (text: string, region: { start: number; end: number }) => boolean;
}

interface Segment {
  readonly start: number;
  readonly end: number;
}

/** Applies `edits` (offsets into `text`) and checks the result; see the module comment. */
export function applyVerified(text: string, edits: readonly SectionEdit[], options: VerifyOptions = {}): VerifiedEdit {
  if (edits.length === 0) return { ok: true, text };
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
    const region = { start: touchedAfter[0].start, end: touchedAfter[touchedAfter.length - 1].end };
    if (!options.fixed(next, region)) return reject('still-reported', 'the finding it fixes is still reported');
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
