import type { CliIO } from './io';

/** Below this many files a check is quick enough that a counter would only flicker. */
export const PROGRESS_MIN_FILES = 300;
const REDRAW_MS = 100;

/**
 * A `checking 120/900 files` counter on the error stream, only when both
 * streams are terminals: piped or redirected output never gets control codes.
 */
export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
  ) {
    this.enabled = total >= PROGRESS_MIN_FILES && io.stderrIsTTY && io.stdoutIsTTY;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.io.err(`\r\x1b[2Kchecking ${done}/${this.total} files…`);
  }

  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.io.err('\r\x1b[2K');
  }
}
