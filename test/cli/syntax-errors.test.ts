import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { assertExpected, copyFixture, runCli } from './helpers';

interface JsonReport {
  files: { path: string; findings: { rule: string; severity: string; range: { start: { line: number } } }[] }[];
}

/**
 * A CI gate must not call a file clean that it could not read. The fixture
 * holds a control plane whose `kind` line broken indentation swallowed, a
 * non-mesh YAML file with a syntax error, and a Helm template (not YAML until
 * rendered).
 */
describe('mesh-config check on files that do not parse', () => {
  it('reports every syntax error as an error finding and exits 1', () => {
    const dir = copyFixture('broken');
    const run = runCli(['check', '.'], { cwd: dir });
    assert.equal(run.stderr, '');
    assertExpected(run.stdout, 'check-broken.txt');
    assert.equal(run.status, 1, run.stdout);
  });

  it('a control plane whose kind was swallowed is not "0 errors"', () => {
    const dir = copyFixture('broken');
    const run = runCli(['check', 'swallowed-kind.yaml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    const rules = report.files[0].findings.map((f) => `${f.rule}:${f.severity}:${f.range.start.line}`);
    assert.deepEqual(rules, ['yaml-syntax:error:3', 'yaml-syntax:error:3']);
    assert.equal(run.status, 1);
  });

  it('leaves a Helm template alone', () => {
    const dir = copyFixture('broken');
    const run = runCli(['check', 'chart', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'yaml-syntax')), []);
    assert.equal(run.status, 0, run.stdout);
  });
});
