import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, SHARED_DIR } from '../support/service';

const COMMITTED = path.join(REPO_ROOT, 'server', 'src', 'service', 'rules', 'workload', 'support', 'data', 'istio-annotations.json');

describe('generated annotation registry', () => {
  it('is current with istio/api and the OSSM injector lists in ../shared/reference', (t) => {
    const reference = path.join(SHARED_DIR, 'reference');
    if (!fs.existsSync(reference)) return t.skip(`${reference} is absent; cannot regenerate the annotation registry here`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-annotations-'));
    try {
      const out = path.join(dir, 'istio-annotations.json');
      const result = spawnSync(process.execPath, ['scripts/gen-annotations.mjs', reference, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      assert.equal(
        fs.readFileSync(out, 'utf8'),
        fs.readFileSync(COMMITTED, 'utf8'),
        'istio-annotations.json is stale: run node scripts/gen-annotations.mjs and commit it.',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--check fails on a stale file and passes on the committed one', (t) => {
    const reference = path.join(SHARED_DIR, 'reference');
    if (!fs.existsSync(reference)) return t.skip(`${reference} is absent; cannot regenerate the annotation registry here`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-annotations-'));
    try {
      const stale = path.join(dir, 'stale.json');
      fs.writeFileSync(stale, '{}\n');
      const failing = spawnSync(process.execPath, ['scripts/gen-annotations.mjs', reference, '--check', '--out', stale], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(failing.status, 1, 'a stale file must fail --check');
      const passing = spawnSync(process.execPath, ['scripts/gen-annotations.mjs', reference, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(passing.status, 0, `${passing.stdout}${passing.stderr}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
