import * as fs from 'fs';
import { decodeUtf8, describeEncodingProblem, EncodingProblem } from './text-encoding';

/** Why a file was not read (or not checked after reading); callers word it for their audience. */
export type ReadProblem =
  | EncodingProblem
  | { readonly kind: 'too-large'; readonly limitKB: number }
  | { readonly kind: 'not-a-file'; readonly what: string }
  | { readonly kind: 'io'; readonly reason: string };

export type ReadText =
  | { readonly ok: true; readonly bom: string; readonly text: string }
  | { readonly ok: false; readonly problem: ReadProblem };

/**
 * The service measures its size limit in UTF-16 code units; UTF-8 needs at
 * most 3 bytes per unit, so a file of more bytes than this cannot be under it.
 */
const BYTES_PER_UNIT_MAX = 3;
const CHUNK = 64 * 1024;

/**
 * Reads a text file as the checker may use it, with the size limit applied
 * before reading: only regular files (a FIFO would block, `/dev/zero` never
 * ends), never more bytes than the limit allows, and only valid UTF-8.
 */
export function readTextFile(file: string, maxFileSizeKB: number): ReadText {
  const limitBytes = maxFileSizeKB * 1024 * BYTES_PER_UNIT_MAX;
  let fd: number;
  try {
    // Refuse what is not a plain file before opening it: opening a FIFO for reading waits for a writer.
    const kind = notAFile(fs.statSync(file));
    if (kind) return { ok: false, problem: { kind: 'not-a-file', what: kind } };
    // O_NONBLOCK in case the path was swapped for a FIFO since the stat (ignored on Windows, where it is 0).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: { kind: 'io', reason: reason(error) } };
  }
  try {
    const stat = fs.fstatSync(fd);
    const kind = notAFile(stat);
    if (kind) return { ok: false, problem: { kind: 'not-a-file', what: kind } };
    if (stat.size > limitBytes) return { ok: false, problem: { kind: 'too-large', limitKB: maxFileSizeKB } };
    const bytes = readBounded(fd, limitBytes);
    if (!bytes) return { ok: false, problem: { kind: 'too-large', limitKB: maxFileSizeKB } };
    return decodeWithinLimit(bytes, maxFileSizeKB);
  } catch (error) {
    return { ok: false, problem: { kind: 'io', reason: reason(error) } };
  } finally {
    fs.closeSync(fd);
  }
}

/** Decodes bytes already read (standard input, a file) and applies the limit as the service counts it. */
export function decodeWithinLimit(bytes: Uint8Array, maxFileSizeKB: number): ReadText {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.length > maxFileSizeKB * 1024) return { ok: false, problem: { kind: 'too-large', limitKB: maxFileSizeKB } };
  return decoded;
}

/** The largest standard input (in bytes) that can be under the size limit. */
export function stdinLimitBytes(maxFileSizeKB: number): number {
  return maxFileSizeKB * 1024 * BYTES_PER_UNIT_MAX;
}

/**
 * Reads until end of file, or returns undefined as soon as there are more
 * than `limitBytes` (a file that grew since its stat, a pipe, a device).
 * A non-blocking descriptor with nothing to read yet is waited on briefly.
 */
export function readBounded(fd: number, limitBytes: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limitBytes + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      sleep(10);
      continue;
    }
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limitBytes) return undefined;
  }
}

/** English wording of a read problem, for the command line. */
export function describeReadProblem(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return `larger than the size limit (${problem.limitKB} KB)`;
    case 'not-a-file':
      return `not a regular file (${problem.what})`;
    case 'io':
      return problem.reason;
    default:
      return describeEncodingProblem(problem);
  }
}

function notAFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'an unusual kind of file';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The short reason in a file-system error ("permission denied"), without Node's call details. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'no such file or directory',
    EISDIR: 'is a folder',
    EMFILE: 'too many open files',
    ELOOP: 'too many levels of symbolic links',
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    ENXIO: 'no such device or address',
  };
  if (code && Object.hasOwn(known, code)) return known[code];
  return error instanceof Error ? error.message : String(error);
}
