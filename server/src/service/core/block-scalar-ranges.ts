import { Document, isScalar, Scalar, visit } from 'yaml';

/**
 * The `yaml` parser ends a block scalar's range (`|`, `>`, `>-`, `|+` …) after
 * its last line break, and after any blank lines it keeps. Every consumer of
 * ranges wants the scalar's own text instead: a diagnostic that squiggles the
 * next line is wrong, and an edit that replaces that range swallows the line
 * break, merging what follows (a `---` marker, a column-0 comment, the next
 * key) into the new value. So the value end (`range[1]`) is moved back to the
 * end of the last character that is not a space or a line break; the node end
 * (`range[2]`) stays as the parser set it.
 */
export function trimBlockScalarRanges(doc: Document.Parsed, text: string): void {
  // Cheap guard: most sections hold no block scalar indicator at all.
  if (!text.includes('|') && !text.includes('>')) return;
  visit(doc, {
    Scalar(_key, node) {
      if (isBlock(node) && node.range) node.range[1] = trimmedEnd(text, node.range[0], node.range[1]);
    },
  });
}

function isBlock(node: Scalar): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

function trimmedEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start) {
    const c = text.charCodeAt(at - 1);
    // space, tab, \n, \r
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    at--;
  }
  return at;
}
