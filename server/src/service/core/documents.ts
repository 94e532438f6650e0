import * as l10n from '@vscode/l10n';
import { Document, parseDocument, YAMLParseError } from 'yaml';
import { trimBlockScalarRanges } from './block-scalar-ranges';
import { LineIndex } from './lines';
import { identifyResource, ResourceIdentity } from './resources';

/** A document as callers hand it to the service: the editor's text and version (the CLI numbers its own). */
export interface TextDocumentInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/**
 * One `---` section of a file, parsed once. Everything inside is relative to
 * the section's own text, so a parsed section can be reused unchanged when an
 * edit elsewhere in the file moves it up or down.
 */
export interface ParsedSection {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  readonly resource: ResourceIdentity | undefined;
  /** Why the parser gave up on this section (then `doc` is empty); undefined normally. */
  readonly unparseable?: string;
  /** Offsets of line breaks Kubernetes sees but editors show inside a line (see `hiddenLineBreaks`). */
  readonly hiddenBreaks?: readonly number[];
}

/** A section placed in its file. */
export interface SectionRef {
  readonly index: number;
  readonly startOffset: number;
  readonly endOffset: number;
  /** File line at which the section's text starts. */
  readonly startLine: number;
  readonly parsed: ParsedSection;
}

export interface ParsedFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly sections: readonly SectionRef[];
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t]|\r?$)/;
/** The same, on a slice that may run into the next line. */
const MARKER_AT_LINE_START = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

interface RawSection {
  startOffset: number;
  endOffset: number;
  startLine: number;
}

/**
 * Splits a file at document markers. A marker at column 0 always ends the
 * previous document in YAML (even inside a block scalar), so splitting on
 * lines is exact and lets each section be parsed and cached on its own.
 * Lines end at \n, \r\n and a lone \r: editors and the API server's YAML
 * parser agree on those three.
 */
export function splitSections(text: string): RawSection[] {
  const sections: RawSection[] = [];
  let sectionStart = 0;
  let sectionStartLine = 0;
  let lineStart = 0;
  let line = 0;
  // The next \n and \r at or after lineStart, each searched for again only once passed: linear in the text.
  let nextLF = -1;
  let nextCR = -1;
  const next = (char: string, cached: number) => (cached >= lineStart || cached === text.length ? cached : indexOrEnd(text, char, lineStart));
  while (lineStart <= text.length) {
    nextLF = next('\n', nextLF);
    nextCR = next('\r', nextCR);
    // A lone \r ends the line; the \r of a CRLF ending belongs to the \n break.
    const lineEnd = nextCR < nextLF && nextCR + 1 !== nextLF ? nextCR : nextLF;
    const isMarker =
      (text.charCodeAt(lineStart) === 45 || text.charCodeAt(lineStart) === 46) &&
      DOCUMENT_MARKER.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)));
    if (isMarker && lineStart > sectionStart) {
      sections.push({ startOffset: sectionStart, endOffset: lineStart, startLine: sectionStartLine });
      sectionStart = lineStart;
      sectionStartLine = line;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  sections.push({ startOffset: sectionStart, endOffset: text.length, startLine: sectionStartLine });
  return sections;
}

function indexOrEnd(text: string, char: string, from: number): number {
  const index = text.indexOf(char, from);
  return index < 0 ? text.length : index;
}

/** NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks for go-yaml (kubectl, the API server) and PyYAML, not for editors or the `yaml` package. */
const HIDDEN_BREAK = /[\u0085\u2028\u2029]/g;
const LONE_CR = /\r(?!\n)/g;

/** Offsets of NEL, U+2028 and U+2029 in a text. */
export function hiddenLineBreaks(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(HIDDEN_BREAK)) offsets.push(match.index ?? 0);
  return offsets;
}

/**
 * The text as Kubernetes' YAML parser reads its lines: every lone \r, NEL,
 * U+2028 and U+2029 becomes \n. Each is one UTF-16 unit replaced by one, so
 * offsets into the result are offsets into the original text.
 */
export function asKubernetesReadsIt(text: string): string {
  return text.replace(LONE_CR, '\n').replace(HIDDEN_BREAK, '\n');
}

function tooDeep(): string {
  return l10n.t('it nests more deeply than the YAML parser can follow');
}
/** Nesting levels the parser is given; real resources stay far below. */
const MAX_NESTING = 1000;

export function parseSection(text: string): ParsedSection {
  // The parser slows down quadratically on deep compact nesting and, a few
  // thousand levels in, exhausts the stack: refuse such sections up front.
  if (nestingExceeds(text, MAX_NESTING)) return unparseableSection(text, tooDeep());
  // The `yaml` package reads a lone \r, NEL, U+2028 and U+2029 as part of a
  // line; the API server's parser breaks the line there. Analyse what the
  // API server reads: `# note\r  policy: {type: Mixer}` sets the policy.
  const hiddenBreaks = hiddenLineBreaks(text);
  const source = hiddenBreaks.length > 0 || text.includes('\r') ? asKubernetesReadsIt(text) : text;
  // A document marker after a hidden break starts a document the editor shows mid-line; positions could not be right.
  const marker = hiddenBreaks.find((offset) => MARKER_AT_LINE_START.test(source.slice(offset + 1, offset + 5)));
  if (marker !== undefined) {
    return unparseableSection(text, l10n.t('a document marker follows a U+{0} line break, which editors show inside a line', codePoint(text, marker)));
  }
  try {
    // logLevel 'error': problems go to doc.errors/warnings only, never to the process's stderr.
    const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
    trimBlockScalarRanges(doc, source);
    return { text, doc, lines: new LineIndex(text), resource: identifyResource(doc), ...(hiddenBreaks.length > 0 ? { hiddenBreaks } : {}) };
  } catch (error) {
    // Whatever else makes the parser throw affects this section only.
    const reason =
      error instanceof RangeError ? tooDeep() : l10n.t('the YAML parser failed on it ({0})', error instanceof Error ? error.message : String(error));
    return unparseableSection(text, reason);
  }
}

/** "2028" for the character at `offset`. */
export function codePoint(text: string, offset: number): string {
  return text.charCodeAt(offset).toString(16).toUpperCase().padStart(4, '0');
}

/** A section kept, empty and marked, instead of taking every feature of the file down with it. */
function unparseableSection(text: string, reason: string): ParsedSection {
  const empty = parseDocument('');
  empty.errors.push(new YAMLParseError([0, 0], 'UNEXPECTED_TOKEN', `Mesh Config did not analyse this document: ${reason}.`));
  return { text, doc: empty, lines: new LineIndex(text), resource: undefined, unparseable: reason };
}

/**
 * Whether flow collections open more than `limit` levels deep, or one line
 * holds more than `limit` consecutive `- ` / `? ` indicators. One pass over
 * character codes: brackets inside strings are counted too, which only
 * matters for texts no real resource contains.
 */
function nestingExceeds(text: string, limit: number): boolean {
  let flow = 0;
  let compact = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flow > limit) return true;
      compact = 0;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (flow > 0) flow--;
      compact = 0;
    } else if ((c === 45 /* - */ || c === 63) /* ? */ && text.charCodeAt(i + 1) === 32) {
      if (++compact > limit) return true;
      i++;
    } else if (c !== 32) {
      compact = 0;
    }
  }
  return false;
}

/**
 * Parses files into sections with two caches: the latest parse per uri, and
 * parsed sections by their exact text (bounded, least recently used first out).
 */
export class DocumentCache {
  private readonly files = new Map<string, ParsedFile>();
  private readonly sections = new Map<string, ParsedSection>();

  constructor(private readonly maxSections = 20000) {}

  get(uri: string, version: number, text: string): ParsedFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    const parsed = this.parse(uri, version, text);
    this.files.set(uri, parsed);
    return parsed;
  }

  /**
   * A parse that is not kept as the file's latest (fix-all's intermediate
   * texts): the sections still come from and go to the shared section cache.
   */
  detached(uri: string, version: number, text: string): ParsedFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    return this.parse(uri, version, text);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  private parse(uri: string, version: number, text: string): ParsedFile {
    const sections = splitSections(text).map((raw, index): SectionRef => {
      // Parsed on first access, so a request about one section (hover,
      // completion) never waits for the rest of a large file to be parsed.
      let parsed: ParsedSection | undefined;
      const load = () => (parsed ??= this.section(text.slice(raw.startOffset, raw.endOffset)));
      return {
        index,
        ...raw,
        get parsed() {
          return load();
        },
      };
    });
    return { uri, version, text, lines: new LineIndex(text), sections };
  }

  private section(text: string): ParsedSection {
    const hit = this.sections.get(text);
    if (hit) {
      // Refresh its place in the LRU order.
      this.sections.delete(text);
      this.sections.set(text, hit);
      return hit;
    }
    const parsed = parseSection(text);
    this.sections.set(text, parsed);
    if (this.sections.size > this.maxSections) {
      const oldest = this.sections.keys().next().value;
      if (oldest !== undefined) this.sections.delete(oldest);
    }
    return parsed;
  }
}

/** The section that contains a file offset (binary search: callers ask once per diagnostic, files can hold 30,000 sections). */
export function sectionAt(file: ParsedFile, offset: number): SectionRef {
  const sections = file.sections;
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offset < sections[mid].endOffset) high = mid;
    else low = mid + 1;
  }
  return sections[low];
}
