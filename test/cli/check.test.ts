import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { assertExpected, CLI_FIXTURES, copyFixture, normalise, runCli } from './helpers';

/** The project fixture plus a node_modules folder, which fixtures cannot hold (this repository ignores it). */
function project(): string {
  const dir = copyFixture('project');
  fs.mkdirSync(path.join(dir, 'node_modules', 'some-chart'), { recursive: true });
  fs.copyFileSync(path.join(dir, 'control-plane.yaml'), path.join(dir, 'node_modules', 'some-chart', 'smcp.yaml'));
  return dir;
}

describe('mesh-config check', () => {
  it('prints text grouped by file with a summary, honouring .gitignore and skipping node_modules', () => {
    const dir = project();
    const run = runCli(['check', '.'], { cwd: dir });
    assert.equal(run.stderr, '');
    assertExpected(run.stdout, 'check.txt');
    assert.equal(run.status, 1, 'errors exit 1');
    assert.doesNotMatch(run.stdout, /ignored\/|generated\/skip|node_modules|nested\/local\.yaml/);
    assert.match(run.stdout, /generated\/keep\.yaml/, 'negated pattern re-includes the file');
    assert.match(run.stdout, /nested\/deeper\/local\.yaml/, 'an anchored pattern only matches next to its .gitignore');
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when piped');
  });

  it('colours only when asked on a non-terminal, and NO_COLOR wins', () => {
    const dir = project();
    assert.match(runCli(['check', 'control-plane.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[31merror/);
    assert.doesNotMatch(runCli(['check', 'control-plane.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  });

  it('prints the documented JSON shape', () => {
    const dir = project();
    const run = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    assertExpected(run.stdout, 'check.json');
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; summary: { errors: number } };
    assert.deepEqual(report.files.map((f) => f.path), ['clean.yml', 'control-plane.yaml', 'generated/keep.yaml', 'nested/deeper/local.yaml', 'reviews.yaml']);
    assert.equal(run.status, 1);
  });

  it('prints SARIF with relative locations and every rule', () => {
    const dir = project();
    const run = runCli(['check', '.', '--format', 'sarif'], { cwd: dir });
    // The rule list grows with every rule; the SARIF tests check it against the registry instead.
    const log = JSON.parse(normalise(run.stdout, dir)) as { runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[] };
    log.runs[0].tool.driver.rules = '(every rule in the registry)';
    for (const result of log.runs[0].results) result.ruleIndex = '(index into rules)';
    assertExpected(JSON.stringify(log, null, 2) + '\n', 'check.sarif.json');
  });

  it('exits 0 without errors, 1 over the warning budget, and --quiet hides warnings', () => {
    const dir = project();
    const clean = runCli(['check', 'clean.yml', 'reviews.yaml'], { cwd: dir });
    assert.equal(clean.status, 0, clean.stdout);
    const overBudget = runCli(['check', 'clean.yml', 'reviews.yaml', '--max-warnings', '0'], { cwd: dir });
    assert.equal(overBudget.status, 1);
    assert.match(overBudget.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(runCli(['check', 'reviews.yaml', '--max-warnings=1'], { cwd: dir }).status, 0);
    const quiet = runCli(['check', 'reviews.yaml', '--quiet', '--max-warnings', '0'], { cwd: dir });
    assert.doesNotMatch(quiet.stdout, /schema-unknown-field/);
    assert.equal(quiet.status, 0);
    assert.equal(runCli(['check', 'control-plane.yaml', '--exit-zero'], { cwd: dir }).status, 0);
  });

  it('--rule changes a severity or turns a rule off', () => {
    const dir = project();
    const off = runCli(['check', 'control-plane.yaml', '--rule', 'smcp-mixer-policy-removed=off', '--rule=smcp-mixer-telemetry-removed=warning', '--rule', 'smcp-version=off'], { cwd: dir });
    assert.equal(off.status, 0, off.stdout);
    assert.doesNotMatch(off.stdout, /smcp-mixer-policy-removed/);
    assert.match(off.stdout, /warning {2}smcp-mixer-telemetry-removed/);
  });

  it('--target changes what is reported', () => {
    const dir = project();
    const run = runCli(['check', 'control-plane.yaml', '--target', 'v2.0'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /\(target v2\.0\)/);
  });

  it('reads standard input with -', () => {
    const dir = project();
    const input = fs.readFileSync(path.join(dir, 'control-plane.yaml'), 'utf8');
    const run = runCli(['check', '-'], { cwd: dir, input });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^ {2}<stdin>:10:11 {2}error {2}smcp-mixer-policy-removed /m);
  });

  it('expands quoted globs', () => {
    const dir = project();
    const run = runCli(['check', '**/local.yaml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), ['nested/deeper/local.yaml']);
    const none = runCli(['check', '*.json'], { cwd: dir });
    assert.equal(none.status, 2);
  });

  it('exits 2 with one line for a bad flag, a bad value, a missing path and an unreadable file', () => {
    const dir = project();
    for (const args of [['check', '--frobnicate'], ['check', '--target', 'v9.9'], ['check', '--format', 'xml'], ['check', 'missing.yaml'], ['deploy']]) {
      const run = runCli(args, { cwd: dir });
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^mesh-config: /);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
    // Permissions do not stop root from reading, so as root use a file the kernel refuses to read.
    const unreadable = process.getuid?.() === 0 && fs.existsSync('/proc/self/mem') ? '/proc/self/mem' : 'locked.yaml';
    if (unreadable === 'locked.yaml') {
      fs.writeFileSync(path.join(dir, unreadable), 'a: 1\n');
      fs.chmodSync(path.join(dir, unreadable), 0o000);
    }
    const run = runCli(['check', unreadable, 'clean.yml', '--exit-zero'], { cwd: dir });
    assert.equal(run.status, 2, 'unreadable files exit 2 even with --exit-zero');
    assert.match(run.stderr, new RegExp(`^mesh-config: ${unreadable.replace(/\//g, '\\/')}: cannot be read \\([^\n]+\\)\n$`));
    assert.match(run.stdout, /2 files checked|1 file checked/, 'the readable files are still checked');
  });

  it('--help prints usage and exits 0', () => {
    const run = runCli(['--help'], { cwd: CLI_FIXTURES });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /mesh-config check/);
  });
});

describe('mesh-config check: rules across files', () => {
  it('sees every file of the run, whatever their order (two control planes in one namespace)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-cli-mesh-'));
    const smcp = (name: string) => `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: ${name}\n  namespace: istio-system\nspec:\n  version: v2.6\n`;
    fs.writeFileSync(path.join(dir, 'a.yaml'), smcp('basic'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), smcp('production'));
    const run = runCli(['check', '.', '--format', 'json', '--rule', 'smcp-ior-default-changed=off', '--rule', 'smcp-tracing-default-changed=off'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { rule: string; range: { start: { line: number } } }[] }[] };
    const found = report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'smcp-namespace-conflict').map((x) => `${f.path}:${x.range.start.line}`));
    assert.deepEqual(found, ['a.yaml:4', 'b.yaml:4']);
    assert.equal(run.status, 1);
  });
});
