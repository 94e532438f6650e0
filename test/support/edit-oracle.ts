import { CST, isAlias, isNode, parseAllDocuments, Parser, visit } from 'yaml';

/**
 * An independent judge of an edit, used by the fix tests and the fuzzer. It
 * reads the whole file as one YAML stream, as kubectl and other parsers do
 * (not section by section, as the product does), so a bug in the product's
 * own gate cannot hide here.
 */

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

interface StreamPart {
  readonly offset: number;
  readonly source: string;
}

/** Documents and `...` markers of a file: kubectl's documents, each split further by the parser. */
function streamParts(text: string): StreamPart[] {
  const parts: StreamPart[] = [];
  let offset = 0;
  for (const chunk of kubectlDocuments(text)) {
    // Where the parser finds errors, how it splits a broken chunk says nothing: the chunk is one part.
    if (parseAllDocuments(chunk, { logLevel: 'silent' }).some((doc) => doc.errors.length > 0)) {
      if (chunk !== '') parts.push({ offset, source: chunk });
      offset += chunk.length;
      continue;
    }
    for (const token of new Parser().parse(chunk)) {
      if (token.type !== 'document' && token.type !== 'doc-end') continue;
      // A stream that starts with `...` has an empty document before it: nothing to keep.
      const source = CST.stringify(token);
      if (source !== '') parts.push({ offset: offset + token.offset, source });
    }
    offset += chunk.length;
  }
  return parts;
}

/**
 * The documents as kubectl cuts a stream before parsing each: at lines that
 * start with `---` followed by nothing but spaces or a comment. (A broken
 * quoted string cannot swallow the next document there, as it can for a
 * parser reading the whole stream.)
 */
function kubectlDocuments(text: string): string[] {
  const documents: string[] = [];
  let start = 0;
  const separator = /^---[ \t]*(?:#.*)?$/gm;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index > start) documents.push(text.slice(start, match.index));
    start = match.index;
    if (match[0].length === 0) separator.lastIndex++;
  }
  documents.push(text.slice(start));
  return documents;
}

/** Problems of a whole file: parse errors (with unique keys) and aliases whose anchor does not come before them. */
export function streamProblems(text: string): string[] {
  const problems: string[] = [];
  for (const chunk of kubectlDocuments(text)) {
    for (const doc of parseAllDocuments(chunk, { uniqueKeys: true, logLevel: 'silent' })) {
      for (const error of doc.errors) problems.push(error.code);
      const anchors = new Set<string>();
      visit(doc, (_key, node) => {
        if (isAlias(node) && !anchors.has(node.source)) problems.push(`unresolved alias *${node.source}`);
        else if (isNode(node) && node.anchor) anchors.add(node.anchor);
      });
    }
  }
  return problems;
}

// Callers judge many edits of one text: its own problems are computed once.
let last: { text: string; problems: string[] } | undefined;
function problemsOf(text: string): string[] {
  if (last?.text !== text) last = { text, problems: streamProblems(text) };
  return last.problems;
}

/**
 * What is wrong with `after` (the result of `edits` on `before`), or
 * undefined: a stream problem that `before` did not have, or a document the
 * edits do not reach that is no longer there byte for byte.
 */
export function editDamage(before: string, after: string, edits: readonly OffsetEdit[]): string | undefined {
  try {
    problemsOf(asClusterReads(before));
    streamParts(asClusterReads(before));
  } catch {
    // Nested deeper than the parser's stack: this judge cannot read the original, so it cannot judge an edit of it.
    return undefined;
  }
  try {
    return judge(before, after, edits);
  } catch (error) {
    return `the edited text cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * kubectl (go-yaml) and PyYAML end a line at a lone CR, NEL, LINE SEPARATOR
 * and PARAGRAPH SEPARATOR; the `yaml` package does not. The judge reads files
 * as the cluster's tools do: each becomes a line feed (same length, so every
 * offset stays put).
 */
function asClusterReads(text: string): string {
  return text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
}

const RESOURCE_EXHAUSTION = 'RESOURCE_EXHAUSTION';

function judge(rawBefore: string, rawAfter: string, edits: readonly OffsetEdit[]): string | undefined {
  const before = asClusterReads(rawBefore);
  const after = asClusterReads(rawAfter);
  const had = new Map<string, number>();
  for (const p of problemsOf(before)) had.set(p, (had.get(p) ?? 0) + 1);
  const problemsAfter = streamProblems(after);
  // The parser ran out of room (nesting thousands deep): whether it does depends on the stack it had, so this
  // judge cannot tell anything about such a text (the product sets such documents aside as too complex).
  if (had.has(RESOURCE_EXHAUSTION) || problemsAfter.includes(RESOURCE_EXHAUSTION)) return undefined;
  for (const p of problemsAfter) {
    const left = had.get(p) ?? 0;
    if (left === 0) return `new YAML problem: ${p}`;
    had.set(p, left - 1);
  }
  const newParts = new Map(streamParts(after).map((p) => [p.offset, p.source]));
  for (const part of streamParts(before)) {
    const end = part.offset + part.source.length;
    const reached = edits.some((e) => (e.start === e.end ? e.start > part.offset && e.start <= end : e.start < end && e.end > part.offset) || (e.start === 0 && part.offset === 0));
    if (reached) continue;
    const moved = part.offset + edits.filter((e) => e.end <= part.offset).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
    if (newParts.get(moved) !== part.source) return `the document at offset ${part.offset} changed although no edit reaches it`;
  }
  return undefined;
}
