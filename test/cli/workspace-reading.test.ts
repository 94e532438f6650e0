import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, it } from 'node:test';
import { fixAllInWorkspaceRequest, upgradePlanRequest, WorkspaceAccess } from '../../server/src/workspace-requests';
import { settings, testService } from '../support/service';
import { CLI_FIXTURES } from './helpers';

/** Issue #14: the editor's workspace commands read files from disk with the CLI's safe reader. */
const MIXER = path.join(CLI_FIXTURES, 'files', 'mixer.yaml');

function workspace(): { dir: string; outside: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-workspace-'));
  const dir = path.join(root, 'workspace');
  const outside = path.join(root, 'outside.yaml');
  fs.mkdirSync(dir);
  fs.copyFileSync(MIXER, outside);
  fs.copyFileSync(MIXER, path.join(dir, 'mixer.yaml'));
  fs.copyFileSync(path.join(CLI_FIXTURES, 'files', 'latin1-comment.yaml'), path.join(dir, 'latin1-comment.yaml'));
  fs.copyFileSync(path.join(CLI_FIXTURES, 'files', 'utf16le-bom.yaml'), path.join(dir, 'utf16le-bom.yaml'));
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status, 0, 'mkfifo');
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
  fs.symlinkSync(outside, path.join(dir, 'linked-out.yaml'));
  return { dir, outside };
}

function access(): WorkspaceAccess {
  return { service: testService(), open: () => undefined, isCancelled: () => false };
}

describe('workspace requests read files safely', () => {
  it('the upgrade plan lists a FIFO, a device, invalid UTF-8 and UTF-16 as not analysed, without hanging', async () => {
    const { dir } = workspace();
    const result = await upgradePlanRequest([pathToFileURL(dir).href], settings(), access());
    assert.ok(result);
    assert.deepEqual(result.plan.skipped, [
      { file: 'pipe.yaml', reason: 'not checked (not a regular file (a named pipe))' },
      { file: 'zero.yaml', reason: 'not checked (not a regular file (a device))' },
      { file: 'latin1-comment.yaml', reason: 'not valid UTF-8 (byte 3, line 1)' },
      { file: 'utf16le-bom.yaml', reason: 'encoded as UTF-16LE, which is not supported (save it as UTF-8)' },
    ]);
  });

  it('fix-all in the workspace offers no edit for a file reached through a link out of the folder', async () => {
    const { dir } = workspace();
    const result = await fixAllInWorkspaceRequest([pathToFileURL(dir).href], settings({ targetVersion: 'v2.1' }), access());
    assert.ok(result);
    assert.deepEqual(result.paths, [pathToFileURL(path.join(dir, 'mixer.yaml')).href]);
  });
});
