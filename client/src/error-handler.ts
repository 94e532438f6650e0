import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient';

/**
 * The language client's action enums, handed in by the extension: this module
 * imports nothing from VS Code at run time, so it can be unit-tested.
 */
export interface ClientActions {
  readonly ErrorAction: typeof ErrorAction;
  readonly CloseAction: typeof CloseAction;
}

export interface CrashNotifier {
  /** Tells the user; called once when the server is first restarted, and once if it is given up on. */
  notify(message: string, kind: 'restarted' | 'gave-up'): void;
  now?(): number;
}

/** More crashes than this within the window means restarting will not help. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export const RESTARTED_MESSAGE =
  "Mesh Config's language server stopped unexpectedly and was restarted. The 'Mesh Config' output shows what happened.";
export const GAVE_UP_MESSAGE = `Mesh Config's language server stopped ${MAX_RESTARTS + 1} times in a few minutes and will not be restarted. The 'Mesh Config' output shows why; reload the window to try again.`;

/**
 * Restarts a server that died, telling the user once (not on every crash),
 * and stops restarting one that keeps dying, saying so.
 */
export function createServerErrorHandler(actions: ClientActions, notifier: CrashNotifier): ErrorHandler {
  const now = notifier.now ?? Date.now;
  let crashes: number[] = [];
  let toldRestarted = false;
  let gaveUp = false;
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few broken messages are survivable; a stream of them means the connection is gone.
      const action = (count ?? 1) <= 3 ? actions.ErrorAction.Continue : actions.ErrorAction.Shutdown;
      return { action, handled: true };
    },
    closed(): CloseHandlerResult {
      const at = now();
      crashes = [...crashes.filter((t) => at - t < RESTART_WINDOW_MS), at];
      if (gaveUp || crashes.length > MAX_RESTARTS) {
        if (!gaveUp) notifier.notify(GAVE_UP_MESSAGE, 'gave-up');
        gaveUp = true;
        return { action: actions.CloseAction.DoNotRestart, handled: true };
      }
      if (!toldRestarted) {
        toldRestarted = true;
        notifier.notify(RESTARTED_MESSAGE, 'restarted');
      }
      return { action: actions.CloseAction.Restart, handled: true };
    },
  };
}
