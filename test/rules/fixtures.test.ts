import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MESH_RULES, RULES } from '../../server/src/service/rules/registry';
import { doc, FIXTURES_DIR, formatRange, settings, testService } from '../support/service';

/**
 * Table-driven rule tests. For each rule id, test/fixtures/rules/<id>/ holds
 *   valid/*.yaml                 must produce no finding of that rule;
 *   invalid/*.yaml               must produce exactly the findings in
 *   invalid/*.expected.json      { "findings": [{ "severity", "range": "L:C-L:C", "message"? }] }
 *                                (1-based; message is a substring to find);
 *   invalid/*.fixed.yaml         optional: the whole text after applying the
 *                                rule's first offered fix to every finding.
 * The target version comes from the file's own `# mesh-config: target=` comment
 * (default v2.6).
 */
const RULES_DIR = path.join(FIXTURES_DIR, 'rules');
const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
};

interface Expected {
  findings: { severity: string; range: string; message?: string }[];
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.fixed.yaml'))
    .sort();
}

/** The rule's findings in one file, with that file alone in the mesh model (mesh rules see it too). */
function findingsOf(ruleId: string, text: string, uri: string): Diagnostic[] {
  const service = testService();
  const input = doc(text, uri);
  service.updateFile(input);
  try {
    return service.diagnostics(input, settings()).filter((d) => d.code === ruleId);
  } finally {
    service.close(uri);
  }
}

/**
 * A folder case (for rules across files): every YAML file of the folder joins
 * the model, and each file's findings are compared with `expected.json`
 * and its subfolders (`{ "files": { "<relative name>.yaml": [{ "severity", "range", "message"?, "related"? }] } }`,
 * where `related` lists "<file> L:C-L:C" of each related location).
 */
function folderFindings(ruleId: string, dir: string, label: string): Record<string, { severity: string; range: string; message: string; related: string[] }[]> {
  const service = testService();
  const inputs = yamlFilesBelow(dir).map((name) => ({ name, input: doc(fs.readFileSync(path.join(dir, name), 'utf8'), `file:///fixtures/${ruleId}/${label}/${name}`) }));
  for (const { input } of inputs) service.updateFile(input);
  try {
    const result: Record<string, { severity: string; range: string; message: string; related: string[] }[]> = {};
    for (const { name, input } of inputs) {
      const found = service.diagnostics(input, settings()).filter((d) => d.code === ruleId);
      if (found.length === 0) continue;
      result[name] = found.map((d) => ({
        severity: SEVERITY_NAMES[d.severity ?? 1],
        range: formatRange(d.range),
        message: d.message,
        related: (d.relatedInformation ?? []).map((r) => `${path.basename(r.location.uri)} ${formatRange(r.location.range)}`),
      }));
    }
    return result;
  } finally {
    for (const { input } of inputs) service.close(input.uri);
  }
}

/** YAML files of a case folder and its subfolders, as `/`-separated relative names, sorted. */
function yamlFilesBelow(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? yamlFilesBelow(path.join(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith('.yaml') ? [`${prefix}${entry.name}`] : [],
    )
    .sort();
}

function caseFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory()).sort();
}

describe('every rule has fixtures', () => {
  for (const rule of [...RULES, ...MESH_RULES]) {
    it(`${rule.meta.id} has valid and invalid fixtures`, () => {
      const dir = path.join(RULES_DIR, rule.meta.id);
      const cases = (sub: string) => yamlFiles(path.join(dir, sub)).length + caseFolders(path.join(dir, sub)).length;
      assert.ok(cases('invalid') > 0, `missing ${dir}/invalid/*.yaml or a case folder`);
      assert.ok(cases('valid') > 0, `missing ${dir}/valid/*.yaml or a case folder`);
    });
  }
});

for (const ruleId of fs.existsSync(RULES_DIR) ? fs.readdirSync(RULES_DIR).sort() : []) {
  describe(`rule ${ruleId}`, () => {
    const dir = path.join(RULES_DIR, ruleId);
    for (const file of yamlFiles(path.join(dir, 'valid'))) {
      it(`stays silent on valid/${file}`, () => {
        const text = fs.readFileSync(path.join(dir, 'valid', file), 'utf8');
        const found = findingsOf(ruleId, text, `file:///fixtures/${ruleId}/valid/${file}`);
        assert.deepEqual(found.map((d) => `${formatRange(d.range)} ${d.message}`), []);
      });
    }
    for (const folder of caseFolders(path.join(dir, 'valid'))) {
      it(`stays silent on the files of valid/${folder}/`, () => {
        assert.deepEqual(folderFindings(ruleId, path.join(dir, 'valid', folder), `valid/${folder}`), {});
      });
    }
    for (const folder of caseFolders(path.join(dir, 'invalid'))) {
      it(`reports across the files of invalid/${folder}/`, () => {
        const caseDir = path.join(dir, 'invalid', folder);
        const expected = JSON.parse(fs.readFileSync(path.join(caseDir, 'expected.json'), 'utf8')) as {
          files: Record<string, { severity: string; range: string; message?: string; related?: string[] }[]>;
        };
        const found = folderFindings(ruleId, caseDir, `invalid/${folder}`);
        const shape = (all: typeof expected.files) =>
          Object.fromEntries(Object.entries(all).map(([name, list]) => [name, list.map((f) => ({ severity: f.severity, range: f.range, related: f.related ?? [] }))]));
        assert.deepEqual(shape(found), shape(expected.files));
        for (const [name, list] of Object.entries(expected.files)) {
          list.forEach((f, i) => {
            if (f.message) assert.ok(found[name][i].message.includes(f.message), `"${found[name][i].message}" should contain "${f.message}"`);
          });
        }
      });
    }
    for (const file of yamlFiles(path.join(dir, 'invalid'))) {
      it(`reports invalid/${file}`, () => {
        const base = path.join(dir, 'invalid', file.replace(/\.yaml$/, ''));
        const text = fs.readFileSync(base + '.yaml', 'utf8');
        const expected = JSON.parse(fs.readFileSync(base + '.expected.json', 'utf8')) as Expected;
        const uri = `file:///fixtures/${ruleId}/invalid/${file}`;
        const found = findingsOf(ruleId, text, uri);
        assert.deepEqual(
          found.map((d) => ({ severity: SEVERITY_NAMES[d.severity ?? 1], range: formatRange(d.range) })),
          expected.findings.map((f) => ({ severity: f.severity, range: f.range })),
        );
        expected.findings.forEach((f, i) => {
          if (f.message) assert.ok(found[i].message.includes(f.message), `"${found[i].message}" should contain "${f.message}"`);
        });
        if (fs.existsSync(base + '.fixed.yaml')) {
          const fixed = applyFirstFixes(ruleId, text, uri);
          assert.equal(fixed, fs.readFileSync(base + '.fixed.yaml', 'utf8'));
        }
      });
    }
  });
}

/** Applies the first offered fix of each finding, one at a time, re-analysing in between. */
function applyFirstFixes(ruleId: string, text: string, uri: string): string {
  const service = testService();
  let current = text;
  for (let round = 0; round < 50; round++) {
    const input = { uri, version: 1000 + round, text: current };
    const diagnostics = service.diagnostics(input, settings()).filter((d) => d.code === ruleId);
    const action = diagnostics
      .flatMap((d) => service.codeActions(input, d.range, { diagnostics: [d] }, settings()))
      .find((a) => a.edit && !a.title.startsWith('Disable ') && !a.title.startsWith('Show documentation'));
    if (!action?.edit?.changes) return current;
    const edits: TextEdit[] = action.edit.changes[uri] ?? [];
    current = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, current), edits);
  }
  throw new Error('fixes did not converge');
}
