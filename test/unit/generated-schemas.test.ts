import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, SHARED_DIR } from '../support/service';

describe('generated schemas', () => {
  it('are current with the upstream CRDs in ../shared/reference', (t) => {
    const reference = path.join(SHARED_DIR, 'reference');
    if (!fs.existsSync(reference)) return t.skip(`${reference} is absent; cannot regenerate schemas here`);
    const result = spawnSync(process.execPath, ['scripts/gen-schemas.mjs', reference, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `schemas/ is stale; run npm run gen:schemas and commit.\n${result.stdout}${result.stderr}`);
  });
});
