import * as path from 'path';
import { createMeshLanguageService, folderSchemaSource, MeshLanguageService } from '../../server/src/service';
import { resolveSettings, MeshSettings, RawSettings } from '../../server/src/service/core/settings';

/** The repository root, from out/test/support at run time. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCHEMAS_DIR = path.join(REPO_ROOT, 'schemas');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
/** Read-only reference material; tests that need it skip with a message when it is absent. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');

let shared: MeshLanguageService | undefined;

/** One service over the committed schemas, shared by tests (it is stateless per call). */
export function testService(): MeshLanguageService {
  return (shared ??= createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) }));
}

export function settings(raw: RawSettings = {}): MeshSettings {
  const result = resolveSettings(raw);
  if (result.problems.length > 0) throw new Error(result.problems.join('; '));
  return result.settings;
}

let counter = 0;
export function doc(text: string, uri = `file:///test/doc${++counter}.yaml`) {
  return { uri, version: 1, text };
}

/**
 * Splits a text with one `|` caret into the text without it and the caret's
 * position (LSP, 0-based, UTF-16).
 */
export function caret(marked: string): { text: string; position: { line: number; character: number } } {
  const index = marked.indexOf('|');
  if (index < 0) throw new Error('no | caret in test text');
  const before = marked.slice(0, index);
  const lines = before.split('\n');
  return {
    text: before + marked.slice(index + 1),
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  };
}

/** "line:col-line:col", 1-based, the format rule fixtures use for ranges. */
export function formatRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/**
 * Findings of the SMCP rule family (version, upgrade and deprecation advice,
 * tested in test/rules) that tests about other features filter out of their
 * exact lists. `smcp-mixer-policy-removed` stays: those tests use it as their probe rule.
 */
export function isSmcpAdvice(code: unknown): boolean {
  return /^(smcp|smmr|smm)-/.test(String(code)) && code !== 'smcp-mixer-policy-removed';
}
