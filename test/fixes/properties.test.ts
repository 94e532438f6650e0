import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Parser } from 'yaml';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { splitSections, parseSection } from '../../server/src/service/core/documents';
import { doc, FIXTURES_DIR, settings, SHARED_DIR, testService } from '../support/service';

/**
 * Properties of every quick fix offered on real files (the shared corpus, when
 * present, and the rule fixtures): the result parses, the finding is gone, no
 * new error appears, comments outside the edit survive, and fix-all is
 * idempotent.
 */

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry.name) && !entry.name.endsWith('.fixed.yaml') ? [full] : [];
  });
}

const CORPUS = path.join(SHARED_DIR, 'corpus');
const FILES = [...yamlFilesUnder(CORPUS), ...yamlFilesUnder(path.join(FIXTURES_DIR, 'rules'))];

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///p.yaml', 'yaml', 1, text), edits);
}

/** Rule fixes only: not the disable comments, documentation or fix-all actions. */
function ruleFixes(actions: CodeAction[]): CodeAction[] {
  return actions.filter(
    (a) => a.kind === CodeActionKind.QuickFix && a.edit && !/^(Disable |Show documentation|Fix all )/.test(a.title),
  );
}

interface Comment {
  readonly offset: number;
  readonly source: string;
}

function comments(text: string): Comment[] {
  const found: Comment[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, source: token.source });
      return;
    }
    Object.values(value).forEach(visit);
  };
  for (const token of new Parser().parse(text)) visit(token);
  const seen = new Set<number>();
  return found.sort((a, b) => a.offset - b.offset).filter((c) => !seen.has(c.offset) && (seen.add(c.offset), true));
}

function isSubsequence(needles: readonly string[], haystack: readonly string[]): boolean {
  let i = 0;
  for (const item of haystack) if (i < needles.length && item === needles[i]) i++;
  return i === needles.length;
}

function errorCounts(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  }
  return counts;
}

function sectionsParse(text: string): boolean {
  return splitSections(text).every((s) => parseSection(text.slice(s.startOffset, s.endOffset)).doc.errors.length === 0);
}

function checkFile(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const service = testService();
  const input = doc(text, `file://${file}`);
  const before = service.diagnostics(input, settings());
  const beforeErrors = errorCounts(before);
  const parsedBefore = sectionsParse(text);
  const lines = TextDocument.create(input.uri, 'yaml', 1, text);
  for (const diagnostic of before) {
    for (const fix of ruleFixes(service.codeActions(input, diagnostic.range, { diagnostics: [diagnostic] }, settings()))) {
      const edits = fix.edit!.changes![input.uri];
      const output = apply(text, edits);
      const where = `${path.basename(file)}: "${fix.title}" for ${diagnostic.code} at line ${diagnostic.range.start.line + 1}`;
      if (parsedBefore) assert.ok(sectionsParse(output), `${where}: the result does not parse`);
      const after = service.diagnostics(doc(output), settings());
      const sameRule = (ds: Diagnostic[]) => ds.filter((d) => d.code === diagnostic.code).length;
      assert.ok(sameRule(after) < sameRule(before), `${where}: the finding is still there`);
      for (const [code, count] of errorCounts(after)) {
        assert.ok(count <= (beforeErrors.get(code) ?? 0), `${where}: new error ${code}`);
      }
      const ranges = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as const);
      const outside = comments(text).filter((c) => !ranges.some(([s, e]) => c.offset < e && s < c.offset + c.source.length));
      assert.ok(
        isSubsequence(outside.map((c) => c.source), comments(output).map((c) => c.source)),
        `${where}: a comment outside the edit changed`,
      );
    }
  }
  const once = service.fixAll(input, settings()).text;
  assert.equal(service.fixAll(doc(once), settings()).text, once, `${path.basename(file)}: fix-all twice differs from once`);
}

describe('properties of every offered quick fix', () => {
  it('finds files to check', (t) => {
    if (!fs.existsSync(CORPUS)) t.diagnostic('shared corpus not present: only rule fixtures are checked');
    assert.ok(FILES.length > 0);
  });
  for (const file of FILES) {
    const name = path.relative(file.startsWith(CORPUS) ? CORPUS : FIXTURES_DIR, file);
    it(name, () => checkFile(file));
  }
});
