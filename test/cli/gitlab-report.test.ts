import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { assertExpected, copyFixture, runCli } from './helpers';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

interface JsonReport {
  files: { path: string; findings: { rule: string; severity: string; message: string; range: { start: { line: number } } }[] }[];
}

const SEVERITIES: Record<string, string> = { error: 'major', warning: 'minor', info: 'info' };

describe('mesh-config check --format gitlab', () => {
  it("prints GitLab's code quality report for a project", () => {
    const dir = copyFixture('project');
    const run = runCli(['check', '.', '--format', 'gitlab'], { cwd: dir });
    assertExpected(run.stdout, 'check.gitlab.json');
    assert.equal(run.status, 1);
  });

  it('has one issue per finding of the JSON report, with the fields GitLab requires', () => {
    const dir = copyFixture('project');
    const issues = JSON.parse(runCli(['check', '.', '--format', 'gitlab'], { cwd: dir }).stdout) as Issue[];
    const report = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
    const expected = report.files.flatMap((file) =>
      file.findings.map((f) => ({ description: f.message, check_name: f.rule, severity: SEVERITIES[f.severity], location: { path: file.path, lines: { begin: f.range.start.line } } })),
    );
    assert.deepEqual(issues.map(({ fingerprint: _, ...rest }) => rest), expected);
    for (const issue of issues) assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints must be unique');
  });

  it('keeps fingerprints when lines move, and tells repeated findings apart', () => {
    const dir = copyFixture('project');
    const file = path.join(dir, 'control-plane.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const fingerprints = () => (JSON.parse(runCli(['check', 'control-plane.yaml', '--format', 'gitlab'], { cwd: dir }).stdout) as Issue[]).map((i) => i.fingerprint);
    const before = fingerprints();
    fs.writeFileSync(file, `# a comment added above\n\n${text}`);
    assert.deepEqual(fingerprints(), before);
    // The same document twice: every finding now appears twice, with two distinct fingerprints.
    fs.writeFileSync(file, `${text}---\n${text}`);
    const twice = fingerprints();
    assert.equal(twice.length, 2 * before.length);
    assert.equal(new Set(twice).size, twice.length);
  });
});
