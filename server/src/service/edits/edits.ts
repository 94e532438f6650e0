/** A replacement of section-relative offsets [start, end) by new text. */
export interface SectionEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}


/** Applies non-overlapping edits to a text (any order in, applied from the end). */
export function applyEdits(text: string, edits: readonly SectionEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > lastStart) throw new Error('Overlapping edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    lastStart = edit.start;
  }
  return result;
}
