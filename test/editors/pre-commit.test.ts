import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES_DIR, REPO_ROOT } from '../support/service';
import { npmEnvironment } from '../package/install';
import { toolOrSkip } from './tools';

const FIXTURES = path.join(FIXTURES_DIR, 'pre-commit');

/**
 * `pre-commit try-repo` installs this repository as pre-commit's node language does for a user (npm install,
 * whose "prepare" builds the bundles, npm pack, npm install -g of the tarball) and runs both hooks of
 * .pre-commit-hooks.yaml on a project with a mesh file and a non-mesh YAML file. The install fetches the
 * development dependencies, so this runs where the npm registry (or a warm npm cache) is at hand: in CI, or with
 * MESH_TEST_PRE_COMMIT=1.
 */
function skipReason(): string | false {
  const missing = toolOrSkip('pre-commit', 'pre-commit');
  if (missing) return missing;
  if (process.env.CI !== 'true' && process.env.MESH_TEST_PRE_COMMIT !== '1') return 'installs the repository with npm; runs in CI or with MESH_TEST_PRE_COMMIT=1';
  return false;
}

describe('pre-commit hooks', () => {
  it('mesh-config reports the findings and mesh-config-fix writes the safe fix', { skip: skipReason() }, () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-pre-commit-'));
    try {
      for (const name of ['control-plane.yaml', 'workflow.yml']) fs.copyFileSync(path.join(FIXTURES, name), path.join(project, name));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'ignore' });
      git('init', '-q');
      git('add', '.');
      const result = spawnSync('pre-commit', ['try-repo', REPO_ROOT, '--all-files'], {
        cwd: project,
        encoding: 'utf8',
        // A warm npm cache (CI has just run npm ci) spares the registry; the network is still allowed.
        env: npmEnvironment({ npm_config_prefer_offline: 'true', NO_COLOR: '1', PRE_COMMIT_COLOR: 'never' }),
        // Only a net so a hang fails this test instead of the whole run; nothing asserts on time.
        timeout: 900_000,
      });
      const output = `${result.stdout}${result.stderr}`;
      // What comes before the first hook names the temporary clone and commit; the hooks' report is exact.
      const start = output.indexOf('mesh-config check');
      assert.ok(start >= 0, output);
      assert.equal(output.slice(start).replace(/\.{3,}/g, '...'), fs.readFileSync(path.join(FIXTURES, 'expected-output.txt'), 'utf8'));
      assert.equal(result.status, 1);
      assert.equal(fs.readFileSync(path.join(project, 'control-plane.yaml'), 'utf8'), fs.readFileSync(path.join(FIXTURES, 'control-plane.fixed.yaml'), 'utf8'));
      assert.equal(fs.readFileSync(path.join(project, 'workflow.yml'), 'utf8'), fs.readFileSync(path.join(FIXTURES, 'workflow.yml'), 'utf8'));
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
