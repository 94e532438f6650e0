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

interface RawSection {
  startOffset: number;
  endOffset: number;
  startLine: number;
}

/**
 * Splits a file at document markers. A marker at column 0 always ends the
 * previous document in YAML (even inside a block scalar), so splitting on
 * lines is exact and lets each section be parsed and cached on its own.
 */
export function splitSections(text: string): RawSection[] {
  const sections: RawSection[] = [];
  let sectionStart = 0;
  let sectionStartLine = 0;
  let lineStart = 0;
  let line = 0;
  // Editors also end a line at a lone \r; section start lines must count them too.
  const loneCR = /\r(?!\n)/g;
  const hasLoneCR = loneCR.test(text);
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const isMarker =
      (text.charCodeAt(lineStart) === 45 || text.charCodeAt(lineStart) === 46) &&
      DOCUMENT_MARKER.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)));
    if (isMarker && lineStart > sectionStart) {
      sections.push({ startOffset: sectionStart, endOffset: lineStart, startLine: sectionStartLine });
      sectionStart = lineStart;
      sectionStartLine = line;
    }
    if (lineEnd >= text.length) break;
    // The slice keeps its \n so the \r of a CRLF ending is not mistaken for a lone one.
    if (hasLoneCR) line += text.slice(lineStart, lineEnd + 1).match(loneCR)?.length ?? 0;
    lineStart = lineEnd + 1;
    line++;
  }
  sections.push({ startOffset: sectionStart, endOffset: text.length, startLine: sectionStartLine });
  return sections;
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
  try {
    // logLevel 'error': problems go to doc.errors/warnings only, never to the process's stderr.
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
    trimBlockScalarRanges(doc, text);
    return { text, doc, lines: new LineIndex(text), resource: identifyResource(doc) };
  } catch (error) {
    // Whatever else makes the parser throw affects this section only.
    const reason =
      error instanceof RangeError ? tooDeep() : l10n.t('the YAML parser failed on it ({0})', error instanceof Error ? error.message : String(error));
    return unparseableSection(text, reason);
  }
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

/** The section that contains a file offset. */
export function sectionAt(file: ParsedFile, offset: number): SectionRef {
  for (const section of file.sections) {
    if (offset < section.endOffset) return section;
  }
  return file.sections[file.sections.length - 1];
}
