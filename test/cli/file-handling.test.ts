import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { assertExpected, CLI_FIXTURES, copyFixture, runCli } from './helpers';

/** Issue #14: what the CLI reads, what it refuses to read, and that one bad path never stops the run. */

const FILES = path.join(CLI_FIXTURES, 'files');
const IS_ROOT = process.getuid?.() === 0;

interface JsonReport {
  files: { path: string; fixed?: string[] }[];
  problems: { path: string; reason: string }[];
  summary: { files: number; errors: number };
}

function emptyDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-cli-files-'));
}

/** A folder with one real file and every kind of entry that is not one. */
function folderOfOddEntries(): string {
  const dir = emptyDir();
  fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'mixer.yaml'));
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status, 0, 'mkfifo');
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
  fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
  fs.symlinkSync('nowhere.yaml', path.join(dir, 'dangling.yaml'));
  // A link to a folder is passed over silently, as folder links always are.
  fs.symlinkSync('.', path.join(dir, 'folder-link.yaml'));
  return dir;
}

describe('mesh-config: files it cannot or must not read', () => {
  it('reports each unusable path, checks the rest, keeps standard output a full report and exits 2', () => {
    const dir = folderOfOddEntries();
    const run = runCli(['check', '.', '/dev/zero', 'missing.yaml', '[z-a]*.yaml', '--format', 'json', '--target', 'v2.1'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['mixer.yaml']);
    assert.equal(report.summary.errors, 1, 'the readable file is still checked');
    assert.deepEqual(report.problems, [
      { path: 'dangling.yaml', reason: 'a symbolic link to nothing; not checked' },
      { path: 'loop.yaml', reason: 'a symbolic link that cannot be followed (too many levels of symbolic links); not checked' },
      { path: 'pipe.yaml', reason: 'not a regular file (a named pipe); not checked' },
      { path: 'zero.yaml', reason: 'not a regular file (a device); not checked' },
      { path: 'missing.yaml', reason: 'no such file or directory' },
      { path: '[z-a]*.yaml', reason: 'not a valid pattern (range out of order in character class)' },
      { path: '/dev/zero', reason: 'not a regular file (a device); not checked' },
    ]);
    assert.equal(run.stderr, report.problems.map((p) => `mesh-config: ${p.path}: ${p.reason}\n`).join(''));
  });

  it('names an unusable path in the text summary and in SARIF, so no report reads as clean', () => {
    const dir = folderOfOddEntries();
    const text = runCli(['check', 'pipe.yaml', 'loop.yaml'], { cwd: dir });
    assert.equal(text.status, 2);
    assert.match(text.stdout, /^✖ 0 files checked, 0 errors, 0 warnings, 0 info, 0 fixable with --fix, 2 paths not checked or not fixed \(see above\)/m);
    const sarif = runCli(['check', 'mixer.yaml', 'loop.yaml', '--format', 'sarif'], { cwd: dir });
    assert.equal(sarif.status, 2);
    const log = JSON.parse(sarif.stdout) as {
      runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[];
    };
    assert.ok(log.runs[0].results.length > 0, 'findings of the readable file');
    assert.deepEqual(log.runs[0].invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'loop.yaml: cannot be read (too many levels of symbolic links)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'loop.yaml', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('an unreadable folder or file inside a walked tree is reported and the walk goes on', (t) => {
    const dir = emptyDir();
    fs.mkdirSync(path.join(dir, 'tree', 'secret'), { recursive: true });
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'tree', 'mixer.yaml'));
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'tree', 'locked.yaml'));
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'tree', 'secret', 'inner.yaml'));
    fs.chmodSync(path.join(dir, 'tree', 'secret'), 0o000);
    fs.chmodSync(path.join(dir, 'tree', 'locked.yaml'), 0o000);
    fs.chmodSync(dir, 0o755);
    // Permissions do not stop root; run as an ordinary user then (nobody), or not at all.
    const asUser = IS_ROOT ? { uid: 65534, gid: 65534 } : {};
    if (IS_ROOT && !everyoneCanRun()) {
      t.skip('running as root and the repository is not readable by other users');
      return;
    }
    const run = runCli(['upgrade-plan', 'tree', '--target', 'v2.6'], { cwd: dir, ...asUser });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'mesh-config: tree/secret: folder cannot be read (permission denied)\nmesh-config: tree/locked.yaml: cannot be read (permission denied)\n');
    assert.match(run.stdout, /## Not analysed\n\n- `tree\/secret`: folder cannot be read \(permission denied\)\n- `tree\/locked\.yaml`: cannot be read \(permission denied\)\n/);
    assert.match(run.stdout, /ServiceMeshControlPlane `basic`/, 'the readable file is planned');
  });

  it('applies the size limit before reading, counting as the editor does', () => {
    const dir = emptyDir();
    // Sparse: 600 MB on paper, nothing on disk. Reading it would take seconds and more memory than a string can hold.
    const huge = path.join(dir, 'huge.yaml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 600 * 1024 * 1024);
    const run = runCli(['check', 'huge.yaml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'mesh-config: huge.yaml: larger than the size limit (4096 KB); not checked\n');

    // The limit counts characters as the editor does (UTF-16 code units), not bytes.
    fs.writeFileSync(path.join(dir, 'ascii.yaml'), `# ${'a'.repeat(1100)}\n`);
    fs.writeFileSync(path.join(dir, 'accents.yaml'), `# ${'é'.repeat(1000)}\n`);
    const small = runCli(['check', 'ascii.yaml', 'accents.yaml', '--max-file-size', '1', '--format', 'json'], { cwd: dir });
    assert.equal(small.status, 2);
    const report = JSON.parse(small.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['accents.yaml'], '1,003 characters in 2,004 bytes are under 1 KB');
    assert.deepEqual(report.problems, [{ path: 'ascii.yaml', reason: 'larger than the size limit (1 KB); not checked' }]);
  });

  it('reads standard input only up to the size limit', () => {
    const run = runCli(['check', '-'], { cwd: FILES, stdinFile: '/dev/zero' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'mesh-config: <stdin>: larger than the size limit (4096 KB); not checked\n');
    const small = runCli(['check', '-', '--max-file-size', '1'], { cwd: FILES, input: `# ${'x'.repeat(2000)}\n` });
    assert.equal(small.stderr, 'mesh-config: <stdin>: larger than the size limit (1 KB); not checked\n');
  });

  it('upgrade-plan skips a device instead of reading it without end', () => {
    const run = runCli(['upgrade-plan', '/dev/zero', 'mixer.yaml', '--target', 'v2.6'], { cwd: FILES });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'mesh-config: /dev/zero: not a regular file (a device); not checked\n');
    assert.match(run.stdout, /^- `\/dev\/zero`: not a regular file \(a device\); not checked$/m);
  });
});

describe('mesh-config: encodings', () => {
  it('never rewrites a file that is not valid UTF-8, and never calls a UTF-16 file clean', () => {
    const dir = copyFixture('files');
    fs.rmSync(path.join(dir, 'escapes.yaml'));
    const run = runCli(['check', '.', '--fix', '--target', 'v2.1'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      [
        'mesh-config: latin1-comment.yaml: not valid UTF-8 (byte 3, line 1); not checked',
        'mesh-config: utf16be.yaml: encoded as UTF-16BE, which is not supported (save it as UTF-8); not checked',
        'mesh-config: utf16le-bom.yaml: encoded as UTF-16LE, which is not supported (save it as UTF-8); not checked',
        '',
      ].join('\n'),
    );
    for (const name of ['latin1-comment.yaml', 'utf16be.yaml', 'utf16le-bom.yaml']) {
      assert.ok(fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(path.join(FILES, name))), `${name} is byte for byte as it was`);
    }
    assert.match(run.stdout, /^fixed mixer\.yaml: smcp-mixer-policy-removed$/m, 'the valid file next to them is fixed');
    assert.match(run.stdout, /^✖ 1 file checked, .*, 3 paths not checked or not fixed \(see above\)/m, 'the summary does not read as clean');
  });
});

describe('mesh-config check --fix: how files are written', () => {
  it('replaces the file in one rename, keeping its permission bits and leaving no temporary file', () => {
    const dir = copyFixture('files');
    const file = path.join(dir, 'mixer.yaml');
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file);
    const run = runCli(['check', 'mixer.yaml', '--fix', '--target', 'v2.1'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const after = fs.statSync(file);
    assert.notEqual(after.ino, before.ino, 'a new file renamed into place, not the old one truncated and rewritten');
    assert.equal(after.mode & 0o7777, 0o640);
    assert.match(fs.readFileSync(file, 'utf8'), /type: Istiod/);
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes('mesh-config-tmp')), []);
  });

  it('leaves the file untouched, says so and exits 2 when it cannot write beside it', (t) => {
    if (IS_ROOT && !everyoneCanRun()) {
      t.skip('running as root and the repository is not readable by other users');
      return;
    }
    const dir = copyFixture('files');
    const folder = path.join(dir, 'read-only');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'mixer.yaml');
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), file);
    // The file may be written, its folder not: an in-place rewrite would succeed, a temporary file cannot be made.
    fs.chmodSync(file, 0o666);
    fs.chmodSync(folder, 0o555);
    fs.chmodSync(dir, 0o755);
    const run = runCli(['check', 'read-only', '--fix', '--target', 'v2.1'], { cwd: dir, ...(IS_ROOT ? { uid: 65534, gid: 65534 } : {}) });
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.equal(run.stderr, 'mesh-config: read-only/mixer.yaml: not fixed: cannot write (permission denied); the file is unchanged\n');
    assert.ok(fs.readFileSync(file).equals(fs.readFileSync(path.join(FILES, 'mixer.yaml'))));
    assert.match(run.stdout, /smcp-mixer-policy-removed/, 'the findings are still reported');
  });

  it('does not write through a link to a file outside the checked folder, but fixes through a link inside it', () => {
    const dir = emptyDir();
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.mkdirSync(path.join(dir, 'tree', 'real'), { recursive: true });
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'outside', 'shared.yaml'));
    fs.copyFileSync(path.join(FILES, 'mixer.yaml'), path.join(dir, 'tree', 'real', 'inside.yaml'));
    fs.symlinkSync(path.join('..', 'outside', 'shared.yaml'), path.join(dir, 'tree', 'out-link.yaml'));
    fs.symlinkSync(path.join('real', 'inside.yaml'), path.join(dir, 'tree', 'in-link.yaml'));
    const run = runCli(['check', 'tree', '--fix', '--target', 'v2.1', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 2);
    const realOutside = fs.realpathSync(path.join(dir, 'outside', 'shared.yaml'));
    assert.equal(
      run.stderr,
      `fixed tree/in-link.yaml: smcp-mixer-policy-removed\nmesh-config: tree/out-link.yaml: not fixed: it is a symbolic link to ${realOutside}, outside tree\n`,
    );
    assert.ok(fs.readFileSync(path.join(dir, 'outside', 'shared.yaml')).equals(fs.readFileSync(path.join(FILES, 'mixer.yaml'))), 'outside file untouched');
    assert.ok(fs.lstatSync(path.join(dir, 'tree', 'in-link.yaml')).isSymbolicLink(), 'the link inside stays a link');
    assert.match(fs.readFileSync(path.join(dir, 'tree', 'real', 'inside.yaml'), 'utf8'), /type: Istiod/);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.fixed ?? []]), [
      ['tree/in-link.yaml', ['smcp-mixer-policy-removed']],
      ['tree/out-link.yaml', []],
      ['tree/real/inside.yaml', []],
    ]);
  });
});

describe('mesh-config: control characters in output', () => {
  it('escapes control characters from the file in the text report, messages and the Markdown plan', () => {
    const dir = copyFixture('files');
    const text = runCli(['check', 'escapes.yaml'], { cwd: dir });
    assertExpected(text.stdout, 'escapes.txt');
    assert.doesNotMatch(text.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    const plan = runCli(['upgrade-plan', 'escapes.yaml', '--target', 'v2.6'], { cwd: dir });
    assert.doesNotMatch(plan.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    assert.match(plan.stdout, /ServiceMeshControlPlane `title\\x1b\]0;pwned\\x07`/);
    // A file name is shown escaped too, on standard error as on standard output.
    const evil = 'bad\x1b]0;x\x07.yaml';
    fs.writeFileSync(path.join(dir, evil), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    const named = runCli(['check', evil], { cwd: dir });
    assert.equal(named.stderr, 'mesh-config: bad\\x1b]0;x\\x07.yaml: not valid UTF-8 (byte 3, line 1); not checked\n');
    const unknown = runCli(['check', '--\x1b[2J'], { cwd: dir });
    assert.equal(unknown.stderr, 'mesh-config: unknown option --\\x1b[2J (see mesh-config --help)\n');
  });
});

/** Whether a user other than root can run the CLI from this checkout (every folder above it searchable). */
function everyoneCanRun(): boolean {
  for (let dir = path.resolve(CLI_FIXTURES); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o005) !== 0o005) return false;
    if (path.dirname(dir) === dir) return true;
  }
}
