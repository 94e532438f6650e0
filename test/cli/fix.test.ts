import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { CLI_FIXTURES, copyFixture, EXPECTED_DIR, runCli } from './helpers';

describe('mesh-config check --fix', () => {
  it('writes the safe fixes in place, byte for byte, and says what it changed', () => {
    const dir = copyFixture('fix');
    const run = runCli(['check', '.', '--fix'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^fixed crlf\.yaml: smcp-mixer-policy-removed ×2, smcp-mixer-telemetry-removed$/m);
    assert.match(run.stdout, /^fixed bom-multi\.yaml: smcp-mixer-telemetry-removed$/m);
    assert.doesNotMatch(run.stdout, /fixed clean\.yaml/);
    for (const name of fs.readdirSync(path.join(CLI_FIXTURES, 'fix'))) {
      const expected = path.join(EXPECTED_DIR, 'fix', name);
      if (process.env.UPDATE_EXPECTED === '1') fs.copyFileSync(path.join(dir, name), expected);
      assert.ok(fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(expected)), `${name} differs from expected/fix/${name}`);
    }
  });

  it('keeps standard output machine-readable with --format json', () => {
    const dir = copyFixture('fix');
    const run = runCli(['check', '.', '--fix', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: { path: string; fixed?: string[] }[]; summary: { fixed: number } };
    assert.equal(report.summary.fixed, 4);
    assert.deepEqual(report.files.find((f) => f.path === 'crlf.yaml')?.fixed?.sort(), ['smcp-mixer-policy-removed', 'smcp-mixer-policy-removed', 'smcp-mixer-telemetry-removed']);
    assert.match(run.stderr, /^fixed crlf\.yaml/m);
  });

  it('refuses to fix standard input', () => {
    const run = runCli(['check', '-', '--fix'], { cwd: CLI_FIXTURES, input: 'a: 1\n' });
    assert.equal(run.status, 2);
  });
});
