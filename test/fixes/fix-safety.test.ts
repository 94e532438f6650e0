import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../server/src/service';
import { editDamage } from '../support/edit-oracle';
import { doc, FIXTURES_DIR, settings, testService } from '../support/service';

/**
 * Files shaped to trip the edit primitives (block scalars next to document
 * markers and comments, anchors with aliases, quoted values). Every way Mesh
 * Config edits a file must leave each of them sound; fix-all must produce the
 * `.fixed.yaml` next to it, or nothing when there is none.
 */
const DIR = path.join(FIXTURES_DIR, 'fix-safety');
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml') && !f.endsWith('.fixed.yaml')).sort();

function offsets(text: string, edits: readonly TextEdit[]) {
  const document = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }));
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), [...edits]);
}

describe('no edit damages a file', () => {
  assert.ok(cases.length >= 7, 'the fix-safety fixtures are missing');
  for (const name of cases) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const expectedPath = path.join(DIR, name.replace(/\.yaml$/, '.fixed.yaml'));
    const expected = fs.existsSync(expectedPath) ? fs.readFileSync(expectedPath, 'utf8') : text;

    it(`${name}: fix-all (as --fix uses it) gives exactly the expected text`, () => {
      const service = testService();
      const result = service.fixAll(doc(text), settings());
      assert.equal(result.text, expected);
      assert.equal(editDamage(text, result.text, offsets(text, result.edits)), undefined);
    });

    it(`${name}: fix-on-save gives the same text`, () => {
      const service = testService();
      const input = doc(text);
      const actions = service.codeActions(input, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: [FIX_ALL_KIND] }, settings());
      const edits = actions.flatMap((a) => a.edit?.changes?.[input.uri] ?? []);
      assert.equal(apply(text, edits), expected);
    });

    it(`${name}: every quick fix and rewrite offered keeps the file sound`, () => {
      const service = testService();
      const input = doc(text);
      const diagnostics = service.diagnostics(input, settings());
      const actions: CodeAction[] = [];
      for (const diagnostic of diagnostics) {
        actions.push(...service.codeActions(input, diagnostic.range, { diagnostics: [diagnostic] }, settings()));
      }
      let checked = 0;
      for (const action of actions) {
        const edits = action.edit?.changes?.[input.uri];
        if (!edits) continue;
        checked++;
        const damage = editDamage(text, apply(text, edits), offsets(text, edits));
        assert.equal(damage, undefined, `"${action.title}" damages ${name}: ${damage}`);
      }
      // Every case has findings, so at least the "disable" actions carry edits.
      assert.ok(checked > 0, `no edits were offered on ${name}`);
    });
  }
});
