import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkDocument } from '../fuzz/checks';
import { Random } from '../fuzz/prng';
import { createEnvironment } from '../fuzz/runner';
import { doc, isSmcpAdvice, settings, testService } from '../support/service';

/**
 * Inputs written to hurt: each must leave every entry point answering within
 * the fuzzer's bounds (no exception, each call under 2 s, ranges inside the
 * document, offered edits that keep the YAML parseable).
 */
const env = { ...createEnvironment(), askBoth: true };

async function survives(text: string): Promise<void> {
  for (const seed of [1, 2]) {
    const problems = await checkDocument(text, new Random(seed), env);
    assert.deepEqual(problems.map((p) => `${p.kind}: ${p.detail}`), []);
  }
}

const SMCP_HEAD = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n';
const codesOf = (text: string) => testService().diagnostics(doc(text), settings()).filter((d) => !isSmcpAdvice(d.code)).map((d) => String(d.code));

describe('hostile inputs', () => {
  it('survives an alias bomb ("billion laughs") without expanding it', async () => {
    const letters = 'abcdefghij';
    const levels = [`  a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < letters.length; i++) {
      levels.push(`  ${letters[i]}: &${letters[i]} [${Array(9).fill('*' + letters[i - 1]).join(', ')}]`);
    }
    // Nine to the tenth power "lol"s if anything expanded the aliases.
    const bomb = SMCP_HEAD + '  techPreview:\n' + levels.map((l) => '  ' + l).join('\n') + '\n  policy:\n    type: Mixer\n';
    await survives(bomb);
    assert.ok(codesOf(bomb).includes('smcp-mixer-policy-removed'), 'rules still run on the rest of the document');
  });

  it('survives 10,000 levels of flow nesting', async () => {
    const sequences = SMCP_HEAD + '  addons: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n';
    const mappings = SMCP_HEAD + '  addons: ' + '{a: '.repeat(10000) + '}'.repeat(10000) + '\n';
    await survives(sequences);
    await survives(mappings);
    assert.deepEqual(codesOf(sequences), ['document-too-complex']);
    assert.deepEqual(codesOf(mappings), ['document-too-complex']);
    // Ordinary nesting is analysed as usual.
    assert.deepEqual(codesOf(SMCP_HEAD + '  addons: ' + '['.repeat(50) + ']'.repeat(50) + '\n'), ['schema-invalid-type']);
  });

  it('survives 10,000 levels of block nesting, and says it did not analyse that document only', async () => {
    const deep = SMCP_HEAD + '  addons:\n' + '- '.repeat(10000) + 'x\n';
    await survives(deep);
    const diagnostics = testService().diagnostics(doc(deep + '---\n' + SMCP_HEAD + '  policy:\n    type: Mixer\n'), settings()).filter((d) => !isSmcpAdvice(d.code));
    assert.deepEqual(
      diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`),
      ['document-too-complex@0', 'smcp-mixer-policy-removed@14'],
    );
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /nests more deeply than the YAML parser can follow/);
  });

  it('survives 1,000 levels of indented block mappings', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + 'k:');
    await survives(SMCP_HEAD + lines.join('\n') + ' x\n');
  });

  it('answers a 20 MB file with one information diagnostic and nothing else', async () => {
    const line = '  - name: "' + 'x'.repeat(100) + '"\n';
    const huge = SMCP_HEAD + '  policy:\n    type: Mixer\n  items:\n' + line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    assert.ok(huge.length > 20 * 1024 * 1024);
    const service = testService();
    const input = doc(huge);
    const started = Date.now();
    const diagnostics = service.diagnostics(input, settings());
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'file-too-large');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /meshConfig\.maxFileSizeKB \(4096 KB\)/);
    assert.equal(await service.completion(input, { line: 6, character: 4 }, settings()), null);
    assert.equal(await service.hover(input, { line: 6, character: 4 }, settings()), null);
    assert.deepEqual(service.codeActions(input, diagnostics[0].range, { diagnostics }, settings()), []);
    assert.deepEqual(service.codeActions(input, diagnostics[0].range, { diagnostics, only: ['source.fixAll'] }, settings()), []);
    assert.deepEqual(service.fixAll(input, settings()).edits, []);
    assert.ok(Date.now() - started < 2000, 'a file that is not analysed costs next to nothing');
    // Raising the limit analyses it (the diagnostic is the limit, not the content).
    const raised = settings({ maxFileSizeKB: 64 * 1024 });
    assert.ok(service.diagnostics(doc(SMCP_HEAD + '  policy:\n    type: Mixer\n'), raised).some((d) => d.code === 'smcp-mixer-policy-removed'));
  });

  it('survives binary content and invalid UTF-8 as the decoder hands it over', async () => {
    const random = new Random(42);
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => random.int(0, 255)));
    await survives(bytes.toString('utf8'));
    await survives(bytes.toString('latin1'));
    // A PNG header and invalid UTF-8 sequences (lone continuation bytes, overlong forms) inside a mesh resource.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]).toString('utf8');
    const invalid = Buffer.from([0x80, 0xbf, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88]).toString('utf8');
    assert.ok(invalid.includes('\ufffd'));
    await survives(SMCP_HEAD + `  policy:\n    type: Mixer ${invalid}\n  x: ${png}\n`);
    await survives(png + '\n' + SMCP_HEAD);
  });

  it('survives NUL bytes and other control characters', async () => {
    await survives(SMCP_HEAD + '  policy:\n    type: Mi\u0000xer\n\u0000\u0000\u0000\n');
    await survives('\u0000'.repeat(1000));
    await survives(SMCP_HEAD.replace('basic', 'ba\u0000sic\u0007\u001b[31m'));
    // Lone surrogates are valid JS strings that are not valid Unicode.
    await survives(SMCP_HEAD + '  version: "\ud800"\n  \udfff: x\n');
  });

  it('keeps the YAML library quiet on stderr about collection keys', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      testService().diagnostics(doc(SMCP_HEAD + '  techPreview:\n    ? [a, b]\n    : y\n'), settings());
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, []);
  });

  it('survives a 1 MB single line', async () => {
    await survives(SMCP_HEAD + '  techPreview: {a: "' + 'y'.repeat(1024 * 1024) + '"}\n');
    await survives('x'.repeat(1024 * 1024));
  });

  it('reports exact UTF-16 positions after CRLF, a BOM, tabs, emoji and CJK text', () => {
    const text =
      '\uFEFFapiVersion: maistra.io/v2\r\n' +
      'kind: ServiceMeshControlPlane\r\n' +
      'metadata:\r\n' +
      '  name: "\u{1F600}\u4E2D\u6587"\r\n' +
      'spec:\r\n' +
      '  version: v2.0\r\n' +
      // 😀 is two UTF-16 code units, 中 one: Mixer starts at character 30.
      '  policy: {note: "\u{1F600}\u4E2D", type: Mixer}\r\n' +
      // Tabs count as one character each; "🎉" (quotes included) spans 36-40.
      '  tracing: {type:\tJaeger, sampling:\t"\u{1F389}"}\r\n' +
      '---\r\n' +
      'apiVersion: networking.istio.io/v1beta1\r\n' +
      'kind: Gateway\r\n' +
      'metadata: {name: "\u{1F600}\u4E2D"}\r\n' +
      'spec:\r\n' +
      '  selector: {"\u{1F600}": x, \t\u6587: [oops}\r\n';
    const found = testService()
      .diagnostics(doc(text), settings({ targetVersion: 'v2.6' }))
      .filter((d) => !isSmcpAdvice(d.code))
      .map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
    assert.deepEqual(found, [
      // Neither name is a DNS-1123 name; the spans count 😀 as two UTF-16 units.
      'metadata-name-invalid 3:8-3:14',
      'schema-unknown-field 6:11-6:15',
      'smcp-mixer-policy-removed 6:30-6:35',
      'schema-invalid-type 7:36-7:40',
      'metadata-name-invalid 11:17-11:22',
      'yaml-syntax 13:31-13:32',
      'yaml-syntax 13:32-14:0',
    ]);
  });

  it('counts a lone CR as a line break, as editors do, in every section', () => {
    // The YAML parser keeps a lone CR inside the string; the editor still shows two lines.
    const text = 'x: "a\rb"\n---\n' + SMCP_HEAD + '  policy:\n    type: Mixer\n';
    const mixer = testService()
      .diagnostics(doc(text), settings())
      .find((d) => d.code === 'smcp-mixer-policy-removed');
    assert.deepEqual(mixer?.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 15 } });
    // The CR of a CRLF ending is not a second break, next to a lone CR or not (found by the fuzzer).
    const mixed = '  -\r\u4859\r\n---\n' + SMCP_HEAD + '  policy:\n    type: Mixer\n';
    const found = testService()
      .diagnostics(doc(mixed), settings())
      .find((d) => d.code === 'smcp-mixer-policy-removed');
    assert.deepEqual(found?.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 15 } });
  });
});
