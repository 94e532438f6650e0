/**
 * Debounces analysis per document and drops runs that a newer edit
 * superseded. The delay adapts to how long the document took to analyse last
 * time: cheap documents (the usual case, since unchanged `---` sections are
 * reused) get diagnostics almost at once, while expensive ones wait for a
 * pause in typing instead of re-running on every keystroke.
 */
export class DiagnosticScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastDurationMs = new Map<string, number>();
  /** Documents with an immediate run pending (just opened or reconfigured). */
  private readonly immediate = new Set<string>();
  private disposed = false;

  constructor(
    private readonly maxDelayMs: number,
    private readonly run: (uri: string) => Promise<void>,
    private readonly minDelayMs = 20,
  ) {}

  /** After an edit: wait roughly three times the last analysis, within bounds. */
  later(uri: string): void {
    // Opening fires both "open" and "changed"; the immediate run already covers it.
    if (this.immediate.has(uri)) return;
    const last = this.lastDurationMs.get(uri) ?? this.maxDelayMs;
    this.schedule(uri, Math.min(this.maxDelayMs, Math.max(this.minDelayMs, 3 * last)));
  }

  now(uri: string): void {
    this.schedule(uri, 0);
    this.immediate.add(uri);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.immediate.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastDurationMs.delete(uri);
  }

  /** Cancels every pending run and refuses new ones (the server is shutting down). */
  dispose(): void {
    this.disposed = true;
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    if (this.disposed) return;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.immediate.delete(uri);
        const start = performance.now();
        void this.run(uri).finally(() => this.lastDurationMs.set(uri, performance.now() - start));
      }, delay),
    );
  }
}
