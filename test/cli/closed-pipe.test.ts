import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/service';

describe('a reader that closes the pipe early (mesh-config check … | head -1)', () => {
  it('ends the CLI quietly, without a stack trace', async () => {
    const bin = path.join(REPO_ROOT, 'bin', 'mesh-config.js');
    const child = spawn(process.execPath, [bin, 'check', 'examples/', '--exit-zero'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    // Close our end of standard output before the CLI has written anything: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});
