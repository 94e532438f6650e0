// Drives the code-server workbench in Debian's headless Chromium: relays the
// extension host's console, takes screenshots the suite asks for, and reports
// the suite's exit code through window.codeAutomationExit.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

// Headless, and quiet on the network: without the background-networking flags
// Chromium keeps retrying connections that this machine cannot make.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Must match SCREENSHOT_MARKER in test/e2e/suite/util.ts.
const SCREENSHOT_REQUEST = /^MESH_CONFIG_SCREENSHOT ([A-Za-z0-9._-]+)$/;

// Workbench errors that every offline run has (the extension gallery and the
// GitHub sign-in are unreachable). They go to the console log file only.
const OFFLINE_NOISE = [/queryRawGalleryExtensions/, /Timed out waiting for authentication provider 'github'/];

/**
 * Opens the workbench at `url` and resolves with the code the suite exits with.
 * `profileDir` must be a fresh folder; Playwright refuses --user-data-dir in args.
 */
export async function runSuiteInWorkbench({ chromiumPath, profileDir, url, screenshotDir, consoleLog }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    // The runner handles these itself and closes the browser as part of its clean-up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Console messages are handled one at a time, so output keeps its order and
  // a screenshot shows the moment its request was logged.
  let queue = Promise.resolve();
  let reportExit;
  const exitCode = new Promise((resolve) => (reportExit = resolve));
  // Must exist before the workbench loads: it calls this once run() settles.
  // The suite's last lines are queued by then; report the code after them.
  await page.exposeFunction('codeAutomationExit', (code) => void queue.then(() => reportExit(Number(code))));

  page.on('console', (message) => {
    queue = queue.then(() => relay(message)).catch((error) => console.error(`[e2e] console relay failed: ${error.message}`));
  });
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));

  async function relay(message) {
    const text = await formatLogServiceMessage(message);
    appendFileSync(consoleLog, `[${message.type()}] ${text ?? message.text()}\n`);
    // Raw browser messages (failed resource loads, iframe warnings) stay in the file only.
    if (text === undefined || OFFLINE_NOISE.some((noise) => noise.test(text))) return;
    console.log(text);
    const request = SCREENSHOT_REQUEST.exec(text.trim());
    if (request) await saveScreenshot(page, screenshotDir, request[1]);
  }

  await page.goto(url);
  return { exitCode, page, close: () => context.close() };
}

/**
 * While tests run, the workbench re-logs extension-host console calls through its
 * log service, as ('%c INFO', 'color: ...', format, ...args). Returns such a
 * message formatted as the extension host wrote it, or undefined for anything
 * else. The workbench's own log lines look the same and cannot be told apart;
 * QUIET_WORKBENCH_SETTINGS in code-server.mjs keeps them few.
 */
async function formatLogServiceMessage(message) {
  const handles = message.args();
  if (handles.length < 3) return undefined;
  const values = await Promise.all(handles.map((h) => h.jsonValue().catch(() => '[unserialisable]')));
  if (typeof values[0] !== 'string' || !/^%c\s*(INFO|WARN|ERR|DEBUG|TRACE)\b/.test(values[0])) return undefined;
  return format(...values.slice(2));
}

/** Written under a temporary name and renamed, so the waiting suite never sees half a file. */
export async function saveScreenshot(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  const partial = join(dir, `.${name}.png.partial`);
  writeFileSync(partial, await page.screenshot());
  renameSync(partial, file);
  console.log(`[e2e] screenshot saved: ${file}`);
  return file;
}
