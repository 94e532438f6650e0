import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES_DIR, REPO_ROOT } from '../support/service';
import { packAndInstall } from '../package/install';
import { toolOrSkip } from './tools';

const SESSION = path.join(REPO_ROOT, 'test', 'editors', 'neovim', 'session.lua');

describe('Neovim', () => {
  it('gets a diagnostic, a completion and a quick fix from the installed mesh-config-language-server', { skip: toolOrSkip('nvim', 'neovim') }, () => {
    const installed = packAndInstall();
    try {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-neovim-'));
      const file = path.join(work, 'control-plane.yaml');
      fs.copyFileSync(path.join(FIXTURES_DIR, 'package', 'control-plane.yaml'), file);
      const report = path.join(work, 'report.json');
      // --clean: no user configuration or plugins, only what session.lua sets up.
      const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SESSION}`], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, MESH_SERVER: installed.bin('mesh-config-language-server'), MESH_FILE: file, MESH_REPORT: report },
        // Only a net so a hang fails this test instead of the whole run; nothing asserts on time.
        timeout: 180_000,
      });
      assert.ok(fs.existsSync(report), `Neovim wrote no report (status ${result.status}): ${result.stderr}${result.stdout}`);
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'editors', 'neovim-report.json'), 'utf8')) as unknown;
      assert.deepEqual(JSON.parse(fs.readFileSync(report, 'utf8')), expected);
      // The quick fix went through Neovim's own buffer edit; the file on disk stays as the user left it.
      assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(FIXTURES_DIR, 'package', 'control-plane.yaml'), 'utf8'));
      fs.rmSync(work, { recursive: true, force: true });
    } finally {
      installed.remove();
    }
  });
});
