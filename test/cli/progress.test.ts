import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { CliIO } from '../../server/src/cli/io';
import { Progress, PROGRESS_MIN_FILES } from '../../server/src/cli/progress';
import { runCli } from './helpers';

function fakeIO(tty: boolean): CliIO & { errors: string[] } {
  const errors: string[] = [];
  return { cwd: '/', env: {}, stdoutIsTTY: tty, stderrIsTTY: tty, out: () => undefined, err: (t) => void errors.push(t), readStdin: () => new Uint8Array(), errors };
}

describe('progress and large inputs', () => {
  it('counts on a terminal for many files, and clears its line', () => {
    const io = fakeIO(true);
    const progress = new Progress(io, PROGRESS_MIN_FILES);
    progress.update(0);
    progress.clear();
    assert.match(io.errors[0], new RegExp(`checking 0/${PROGRESS_MIN_FILES} files`));
    assert.equal(io.errors[1], '\r\x1b[2K');
  });

  it('stays silent for few files or when not on a terminal', () => {
    for (const [tty, total] of [[true, PROGRESS_MIN_FILES - 1], [false, PROGRESS_MIN_FILES * 2]] as const) {
      const io = fakeIO(tty);
      const progress = new Progress(io, total);
      progress.update(1);
      progress.clear();
      assert.deepEqual(io.errors, []);
    }
  });

  it('writes nothing but findings when piped, even for hundreds of files; an oversized file is reported as not checked', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-many-'));
    for (let i = 0; i < PROGRESS_MIN_FILES + 10; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.yaml`), `a: ${i}\n`);
    fs.writeFileSync(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(4200 * 1024)}\n`);
    const run = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    // A file the size limit keeps out was not checked, so the run cannot pass (issue #14: no silent passes).
    assert.equal(run.stderr, 'mesh-config: huge.yaml: larger than the size limit (4096 KB); not checked\n');
    assert.equal(run.status, 2);
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; problems: { path: string }[]; summary: { files: number } };
    assert.equal(report.summary.files, PROGRESS_MIN_FILES + 10);
    assert.deepEqual(report.problems.map((p) => p.path), ['huge.yaml']);
  });
});
