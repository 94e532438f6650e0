import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** `publisher.name` from the root package.json. */
export const EXTENSION_ID = 'mesh-config.mesh-config';

/** Fallback when no folder is open (the runners always open test/e2e/workspace). */
const WORKSPACE_ON_DISK = path.resolve(__dirname, '../../../test/e2e/workspace');

/** How often `waitFor` re-checks a condition that no VS Code event announces. */
const POLL_INTERVAL_MS = 50;

type Awaitable<T> = T | Promise<T>;

/**
 * Resolves with the first truthy value `probe` returns. The probe runs at once,
 * then whenever one of `wakeOn` fires; with no events to listen to it is polled.
 * Rejects after `timeoutMs` with a message naming what did not happen (a
 * function is called at that moment, so the message can describe the state then).
 */
export function waitFor<T>(
  probe: () => Awaitable<T | undefined | null | false>,
  timeoutMs: number,
  whatDidNotHappen: string | (() => string),
  wakeOn: ReadonlyArray<vscode.Event<unknown>> = [],
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    let settled = false;
    let checking = false;
    let recheck = false;

    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poller);
      disposables.forEach((d) => d.dispose());
      outcome();
    };

    // Checks never overlap; an event arriving during an async probe queues one more check.
    const check = async (): Promise<void> => {
      if (settled) return;
      if (checking) {
        recheck = true;
        return;
      }
      checking = true;
      try {
        do {
          recheck = false;
          const value = await probe();
          if (value) return finish(() => resolve(value));
        } while (recheck && !settled);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        checking = false;
      }
    };

    const timer = setTimeout(
      () => {
        const what = typeof whatDidNotHappen === 'function' ? whatDidNotHappen() : whatDidNotHappen;
        finish(() => reject(new Error(`Timed out after ${timeoutMs} ms: ${what}`)));
      },
      timeoutMs,
    );
    const poller = wakeOn.length === 0 ? setInterval(() => void check(), POLL_INTERVAL_MS) : undefined;
    for (const event of wakeOn) disposables.push(event(() => void check()));
    void check();
  });
}

/** The URI of a file in the e2e workspace (test/e2e/workspace). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(WORKSPACE_ON_DISK, name));
}

/** Opens a workspace fixture in an editor, the way a user clicking it would. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves with the file's diagnostics (from every source) once `predicate` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
  whatDidNotHappen = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const forThisFile: vscode.Event<unknown> = (listener, thisArgs, disposables) =>
    vscode.languages.onDidChangeDiagnostics(
      (e) => {
        if (e.uris.some((u) => u.toString() === key)) listener.call(thisArgs, e);
      },
      undefined,
      disposables,
    );
  return waitFor(
    () => {
      const current = vscode.languages.getDiagnostics(uri);
      return predicate(current) ? current : undefined;
    },
    timeoutMs,
    () => `${whatDidNotHappen} on ${path.basename(uri.path)}; diagnostics were: ${describe(vscode.languages.getDiagnostics(uri))}`,
    [forThisFile],
  );
}

function describe(diagnostics: vscode.Diagnostic[]): string {
  const items = diagnostics.map((d) => {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return `${d.source ?? '?'}/${code ?? '?'}@${d.range.start.line + 1}:${d.range.start.character + 1}`;
  });
  return items.length ? items.join(', ') : 'none';
}

/**
 * The line the code-server runner watches for in the extension host's console.
 * It then saves test-results/<name>.png and acknowledges by renaming it into place.
 */
export const SCREENSHOT_MARKER = 'MESH_CONFIG_SCREENSHOT';

/**
 * Asks the runner for a screenshot of the workbench as it is now, and waits for
 * it to be written. Runners that cannot take screenshots (the Electron one) do
 * not set MESH_CONFIG_SCREENSHOT_DIR, and then this does nothing.
 */
export async function requestScreenshot(name: string, timeoutMs = 15000): Promise<void> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`Screenshot name must match [A-Za-z0-9._-]+: ${name}`);
  const dir = process.env.MESH_CONFIG_SCREENSHOT_DIR;
  if (!dir) return;
  const file = path.join(dir, `${name}.png`);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(file, { force: true });
  // Watch before asking, so the runner's rename cannot slip past unseen.
  const watcher = fs.watch(dir);
  const written = new vscode.EventEmitter<void>();
  watcher.on('change', () => written.fire());
  try {
    console.log(`${SCREENSHOT_MARKER} ${name}`);
    await waitFor(() => fs.existsSync(file), timeoutMs, `the runner did not save screenshot ${file}`, [written.event]);
  } finally {
    watcher.close();
    written.dispose();
  }
}

/**
 * Awaits `pending` (a command waiting on UI, such as a quick pick or the
 * refactor preview), running `nudge` (the command that answers that UI) every
 * `intervalMs` until it settles: the UI may open some time after the command starts.
 */
export async function settleWith<T>(pending: Thenable<T>, nudge: () => Thenable<unknown>, timeoutMs: number, what: string, intervalMs = 250): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await nudge();
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, intervalMs))]);
  }
  return result;
}
