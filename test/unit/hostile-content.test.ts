import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Alias } from 'yaml';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import type { Rule } from '../../server/src/service/rules/types';
import { doc, isSmcpAdvice, SCHEMAS_DIR, settings, testService } from '../support/service';

/**
 * Issue 14: hostile content inside a file under the size limit. Each test
 * names the defect it pins; each failed before its fix.
 */
const HEAD = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.6\n';

/** `code line:col-line:col` (0-based) of the findings that are not version advice. */
function found(text: string): string[] {
  return testService()
    .diagnostics(doc(text), settings({ targetVersion: 'v2.6' }))
    .filter((d) => !isSmcpAdvice(d.code))
    .map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

function aliases(count: number): string {
  const lines = ['  techPreview:\n    shared: &shared {a: 1}\n    uses:\n'];
  for (let i = 0; i < count; i++) lines.push('    - *shared\n');
  return lines.join('');
}

describe('hostile content (issue 14)', () => {
  describe('defect 6: schema validation never switches itself off', () => {
    it('validates a document with more than 50 aliases', () => {
      // Before: toJS gave up past 50 aliases, the error was swallowed and the wrong tracing type passed.
      const text = HEAD + aliases(60) + '  tracing:\n    type: Zipkinn\n';
      assert.deepEqual(found(text), ['schema-invalid-value 70:10-70:17']);
    });

    it('validates 20,000 aliases of one anchor', () => {
      const text = HEAD + aliases(20000) + '  tracing:\n    type: Zipkinn\n';
      assert.deepEqual(found(text), ['schema-invalid-value 20010:10-20010:17']);
    });

    it('says so, with a finding, when aliases would expand the document beyond what validation walks', () => {
      const letters = 'abcdefghij';
      const levels = ['    a: &a [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < letters.length; i++) levels.push(`    ${letters[i]}: &${letters[i]} [${Array(9).fill('*' + letters[i - 1]).join(', ')}]`);
      const bomb = HEAD + '  techPreview:\n' + levels.join('\n') + '\n  tracing:\n    type: Zipkinn\n';
      const diagnostics = testService().diagnostics(doc(bomb), settings()).filter((d) => !isSmcpAdvice(d.code));
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}`), ['check-skipped 1']);
      assert.match(diagnostics[0].message, /did not check this document against its schema: its aliases expand it to [\d.e+,]+ values, more than 100,000/);
    });

    it('reports an alias without an anchor before it as a syntax error instead of a clean document', () => {
      const text = HEAD + '  techPreview:\n    a: *later\n    b: &later x\n  tracing:\n    type: Zipkinn\n';
      const diagnostics = testService().diagnostics(doc(text), settings()).filter((d) => !isSmcpAdvice(d.code));
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`), ['yaml-syntax 7:7']);
      assert.match(diagnostics[0].message, /The alias \*later has no anchor &later before it/);
      // An alias inside its own anchor cannot be resolved by the API server either.
      assert.deepEqual(found(HEAD + '  techPreview: &self {a: *self}\n'), ['yaml-syntax 6:25-6:30']);
    });

    it('never asks the yaml package to resolve aliases (its resolution scans the document once per alias)', () => {
      const original = Alias.prototype.resolve;
      let calls = 0;
      Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
        calls++;
        return original.apply(this, args);
      };
      try {
        const lines = [HEAD, '  techPreview:\n'];
        for (let i = 0; i < 2000; i++) lines.push(`    a${i}: &a${i} v${i}\n    b${i}: *a${i}\n`);
        testService().diagnostics(doc(lines.join('') + '  tracing:\n    type: Zipkinn\n'), settings());
      } finally {
        Alias.prototype.resolve = original;
      }
      assert.equal(calls, 0);
    });
  });

  describe('defect 7: work per diagnostic does not rescan the file', () => {
    it('looks for the target comment once per file text, not once per diagnostic', () => {
      const docs = Array.from({ length: 300 }, (_, i) => `---\n{apiVersion: maistra.io/v2, kind: ServiceMeshControlPlane, metadata: {name: cp${i}}, spec: {version: v2.0, policy: {type: Mixer}}}\n`);
      const input = doc(docs.join(''));
      const service = testService();
      const diagnostics = service.diagnostics(input, settings());
      assert.ok(diagnostics.length >= 300);
      const original = String.prototype.includes;
      let scans = 0;
      String.prototype.includes = function (this: string, search: string, position?: number) {
        if (search === 'mesh-config:' && this.length === input.text.length) scans++;
        return original.call(this, search, position);
      };
      try {
        for (const diagnostic of diagnostics) service.availableFixes(input, diagnostic, settings());
      } finally {
        String.prototype.includes = original;
      }
      assert.ok(scans <= 1, `the file was scanned ${scans} times for ${diagnostics.length} diagnostics`);
    });
  });

  describe('defect 9: line breaks the yaml package does not see', () => {
    it('reads a lone CR as a line break, as kubectl and the API server do', () => {
      // Before: the `yaml` package kept the policy inside the comment and the file passed clean.
      assert.deepEqual(found(HEAD + '  # comment\r  policy: {type: Mixer}\n'), ['smcp-mixer-policy-removed 7:17-7:22']);
      // A document marker after a lone CR starts a new document.
      assert.deepEqual(found('a: 1\r---\r' + HEAD + '  policy: {type: Mixer}\n'), ['smcp-mixer-policy-removed 8:17-8:22']);
    });

    for (const [name, char] of [
      ['NEL', '\u0085'],
      ['LINE SEPARATOR', '\u2028'],
      ['PARAGRAPH SEPARATOR', '\u2029'],
    ] as const) {
      it(`reads ${name} as the API server does and points at it`, () => {
        const text = HEAD + `  # comment${char}  policy: {type: Mixer}\n`;
        const diagnostics = testService().diagnostics(doc(text), settings()).filter((d) => !isSmcpAdvice(d.code));
        // Editors show one line: positions stay on it.
        assert.deepEqual(
          diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`),
          ['hidden-line-break 6:11-6:12', 'smcp-mixer-policy-removed 6:29-6:34'],
        );
        assert.match(diagnostics[0].message, new RegExp(`U\\+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is a line break for kubectl and the API server`));
      });
    }

    it('declines a document whose marker hides behind a LINE SEPARATOR, and says so', () => {
      const text = HEAD + 'x: 1\u2028---\u2028' + HEAD + '  policy: {type: Mixer}\n';
      assert.deepEqual(found(text), ['document-too-complex 0:0-0:25']);
      assert.match(testService().diagnostics(doc(text), settings())[0].message, /a document marker follows a U\+2028 line break/);
    });

    it('keeps a file without unusual line breaks exactly as before', () => {
      assert.deepEqual(found(HEAD + '  # comment\r\n  policy: {type: Mixer}\r\n'), ['smcp-mixer-policy-removed 7:17-7:22']);
    });
  });

  describe('defect 11: many findings', () => {
    it('keeps all 200,000 findings of one rule (push(...) overflowed the stack and dropped them all)', () => {
      const many: Rule = {
        meta: { id: 'many-findings', category: 'invalid', severity: 'info', appliesTo: { groups: ['*'] }, fixable: false, summary: 'many' },
        check: (ctx) => {
          for (let i = 0; i < 200_000; i++) ctx.report({ span: [0, 1], message: 'again' });
        },
      };
      const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR), rules: [many] });
      const diagnostics = service.diagnostics(doc(HEAD), settings());
      assert.equal(diagnostics.filter((d) => d.code === 'many-findings').length, 200_000);
      assert.equal(diagnostics.filter((d) => d.code === 'check-skipped').length, 0);
    });
  });
});
