import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The file-system calls an atomic write makes; tests pass a copy whose calls fail on cue. */
export type AtomicWriteFs = Pick<
  typeof fs,
  'statSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'fchmodSync' | 'fchownSync' | 'renameSync' | 'unlinkSync'
>;

/**
 * Replaces a file's content so that a reader, a crash or a full disk sees
 * either the old file or the new one, never a cut-short mix: the bytes go to a
 * new file in the same folder (a rename is only atomic within one file
 * system), are flushed to disk, and the new file is renamed over the old one.
 * It keeps the old file's permission bits, and its owner where the process may
 * set it. On any failure the temporary file is removed, the original is left
 * as it was, and the error is thrown.
 *
 * `target` must be the real path (links resolved), or the rename would
 * replace the link itself with a plain file.
 */
export function writeFileAtomic(target: string, data: Uint8Array, ops: AtomicWriteFs = fs): void {
  const original = ops.statSync(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.mesh-config-tmp`);
  // 'wx': never reuse or follow something already at that name; 0o600 until the final mode is set.
  const fd = ops.openSync(temp, 'wx', 0o600);
  let open = true;
  try {
    keepOwner(fd, original, ops);
    // After chown, which may clear set-id bits.
    ops.fchmodSync(fd, original.mode & 0o7777);
    for (let written = 0; written < data.length; ) written += ops.writeSync(fd, data, written, data.length - written);
    ops.fsyncSync(fd);
    open = false;
    ops.closeSync(fd);
    ops.renameSync(temp, target);
  } catch (error) {
    if (open) tryQuietly(() => ops.closeSync(fd));
    tryQuietly(() => ops.unlinkSync(temp));
    throw error;
  }
  syncFolder(path.dirname(target));
}

function keepOwner(fd: number, original: fs.Stats, ops: AtomicWriteFs): void {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (original.uid === uid && original.gid === gid)) return;
  try {
    ops.fchownSync(fd, original.uid, original.gid);
  } catch (error) {
    // Only root may give a file away; anyone else keeps the file as their own, as an editor saving it would.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EINVAL') throw error;
  }
}

/** Makes the rename itself durable; not possible everywhere (Windows), and the data is already safe. */
function syncFolder(dir: string): void {
  tryQuietly(() => {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}

function tryQuietly(action: () => void): void {
  try {
    action();
  } catch {
    // Cleaning up after a failure that is already being reported.
  }
}
