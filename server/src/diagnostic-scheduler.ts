/**
 * Debounces analysis per document: a burst of keystrokes becomes one run,
 * and a run that a newer edit superseded is dropped.
 */
export class DiagnosticScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => Promise<void>,
  ) {}

  later(uri: string): void {
    this.schedule(uri, this.delayMs);
  }

  now(uri: string): void {
    this.schedule(uri, 0);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }
}
