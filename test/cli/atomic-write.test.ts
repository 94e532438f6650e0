import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { AtomicWriteFs, writeFileAtomic } from '../../server/src/node/atomic-write';

/** Issue #14, item 3: a failed write never leaves a cut-short file or a stray temporary file. */
const ORIGINAL = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\n';
const STEPS = ['openSync', 'fchmodSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync'] as const;

function fixture(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-atomic-'));
  const file = path.join(dir, 'smcp.yaml');
  fs.writeFileSync(file, ORIGINAL);
  fs.chmodSync(file, 0o640);
  return { dir, file };
}

/** The real file system, except that `step` fails as a full disk would; a write also gets half its bytes out first. */
function failingAt(step: (typeof STEPS)[number]): AtomicWriteFs {
  const ops: AtomicWriteFs = { ...fs };
  const fail = () => Object.assign(new Error(`ENOSPC: no space left on device, ${step}`), { code: 'ENOSPC' });
  if (step === 'writeSync') {
    let calls = 0;
    ops.writeSync = ((fd: number, data: Uint8Array, offset: number, length: number) => {
      if (calls++ > 0) throw fail();
      return fs.writeSync(fd, data, offset, Math.ceil(length / 2));
    }) as typeof fs.writeSync;
  } else {
    (ops as Record<string, unknown>)[step] = () => {
      throw fail();
    };
  }
  return ops;
}

describe('writeFileAtomic', () => {
  for (const step of STEPS) {
    it(`leaves the original byte for byte and no temporary file when ${step} fails`, () => {
      const { dir, file } = fixture();
      assert.throws(() => writeFileAtomic(file, Buffer.from('replaced: true\n'.repeat(100)), failingAt(step)), /ENOSPC/);
      assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL);
      assert.deepEqual(fs.readdirSync(dir), ['smcp.yaml']);
    });
  }

  it('replaces the content, keeps the permission bits and leaves only the file', () => {
    const { dir, file } = fixture();
    writeFileAtomic(file, Buffer.from('new: content\n'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'new: content\n');
    assert.equal(fs.statSync(file).mode & 0o7777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['smcp.yaml']);
  });
});
