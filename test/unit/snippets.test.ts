import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { doc, REPO_ROOT, settings, testService } from '../support/service';

interface Snippet {
  prefix: string;
  body: string[];
}

/** Expands a snippet the way VS Code does when the user accepts every default. */
export function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'mesh.json'), 'utf8')) as Record<string, Snippet>;

describe('snippets', () => {
  it('snippets/mesh.json is generated from scripts/snippets-src.mjs', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-snippets.mjs', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('has unique prefixes', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" expands to a mesh document with no diagnostics under the default target`, () => {
      const text = expandSnippet(snippet.body.join('\n')) + '\n';
      assert.doesNotMatch(text, /\$\{|\$\d/);
      const found = testService().diagnostics(doc(text), settings());
      assert.deepEqual(found.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`), []);
      // The expansion must be a resource the product knows, or the test proves nothing.
      assert.match(text, /^apiVersion: ([a-z.]+\.)?(istio|maistra)\.io\//m);
    });
  }
});
