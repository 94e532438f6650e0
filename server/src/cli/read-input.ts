import * as path from 'path';
import type { CliIO } from './io';
import { decodeWithinLimit, describeReadProblem, readTextFile, ReadProblem, reason, stdinLimitBytes } from '../node/safe-read';
import { escapeControls } from './terminal-text';

/** Something that kept a path from being checked or fixed; the run goes on and exits 2. */
export interface RunProblem {
  /** As reports show paths. */
  readonly path: string;
  readonly reason: string;
}

/** Collects problems and reports each on standard error as it happens, one line each. */
export class RunProblems {
  readonly list: RunProblem[] = [];

  constructor(
    private readonly io: CliIO,
    private readonly beforeReport: () => void = () => undefined,
  ) {}

  add(shownPath: string, why: string): void {
    this.beforeReport();
    this.list.push({ path: shownPath, reason: why });
    this.io.err(`mesh-config: ${escapeControls(shownPath)}: ${escapeControls(why)}\n`);
  }
}

/** A file (or `-`, standard input) as text the service can check, within the size limit, or why it is not. */
export function readInput(file: string, io: CliIO, maxFileSizeKB: number): { ok: true; bom: string; text: string } | { ok: false; reason: string } {
  const read = file === '-' ? readStdin(io, maxFileSizeKB) : readTextFile(path.resolve(io.cwd, file), maxFileSizeKB);
  return read.ok ? read : { ok: false, reason: wordReadProblem(read.problem) };
}

function readStdin(io: CliIO, maxFileSizeKB: number): ReturnType<typeof readTextFile> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = io.readStdin(stdinLimitBytes(maxFileSizeKB));
  } catch (error) {
    return { ok: false, problem: { kind: 'io', reason: reason(error) } };
  }
  if (!bytes) return { ok: false, problem: { kind: 'too-large', limitKB: maxFileSizeKB } };
  return decodeWithinLimit(bytes, maxFileSizeKB);
}

function wordReadProblem(problem: ReadProblem): string {
  return problem.kind === 'io' ? `cannot be read (${problem.reason})` : `${describeReadProblem(problem)}; not checked`;
}
