import * as path from 'path';
import { pathToFileURL } from 'url';

/** Where the CLI writes and what it knows about its terminal; tests and the real process both provide one. */
export interface CliIO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Standard input's bytes, or undefined as soon as there are more than `maxBytes` (never reads without bound). */
  readStdin(maxBytes: number): Uint8Array | undefined;
}

/** The name reports use for standard input. */
export const STDIN_NAME = '<stdin>';

/** How reports name a file: relative to the working folder when inside it, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  if (file === '-') return STDIN_NAME;
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

export function fileUri(file: string, cwd: string): string {
  // Standard input still needs a name the service can key its cache on.
  return file === '-' ? 'untitled:stdin.yaml' : pathToFileURL(path.resolve(cwd, file)).href;
}

/** Colour only on a terminal, never with NO_COLOR set; FORCE_COLOR asks for it anyway. */
export function useColour(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
