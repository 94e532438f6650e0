// `npm run test:e2e`: runs test/e2e/suite in a real VS Code workbench and
// extension host (code-server, driven by headless Chromium), against the
// extension as installed from its .vsix. Works with only the npm registry and
// Debian apt reachable. Exits with the suite's code.
//
// Environment:
//   MESH_CONFIG_E2E_TIMEOUT_MS  limit from installing the .vsix to the suite's end (default 600000)
//   MESH_CONFIG_E2E_VSIX        test this .vsix instead of running `npm run package`
//   MESH_CONFIG_E2E_GREP        run only the tests whose full title matches
//   MESH_CONFIG_E2E_KEEP        keep the scratch folder (code-server state) for inspection
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, installVsix, killAllNow, logTail, scratchLayout, startCodeServer, stopAll } from './code-server.mjs';
import { CACHE_DIR, compileSuite, copyWorkspace, EXTENSION_ID, FAKE_VSCODE_YAML_ID, packageExtension, packageFakeVscodeYaml, RESULTS_DIR, step, SUITE_INDEX } from './project.mjs';
import { provision } from './provision.mjs';
import { runSuiteInWorkbench, saveScreenshot } from './workbench-page.mjs';

const TIMEOUT_MS = Number(process.env.MESH_CONFIG_E2E_TIMEOUT_MS ?? 10 * 60 * 1000);

const CONSOLE_LOG = 'e2e-workbench-console.log';

let scratchDir;
let layout;
let workbench;
let cleaningUp;

async function main() {
  const started = Date.now();
  // Provisioning, compiling and packaging have limits of their own.
  const tools = provision(CACHE_DIR);
  compileSuite();
  const vsix = packageExtension();

  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  const run = runSuite(tools, vsix);
  // After a timeout the clean-up makes the abandoned run fail; that is expected.
  run.catch(() => undefined);
  const outcome = await Promise.race([run, timedOut]);
  clearTimeout(timer);

  if (outcome === 'timeout') {
    if (workbench) await saveScreenshot(workbench.page, RESULTS_DIR, 'timeout').catch(() => undefined);
    console.error(`[e2e] TIMED OUT: the run did not finish within ${TIMEOUT_MS / 1000} s of starting code-server (MESH_CONFIG_E2E_TIMEOUT_MS); see test-results/ for the logs and a screenshot.`);
    return 1;
  }
  if (outcome !== 0) {
    await saveScreenshot(workbench.page, RESULTS_DIR, 'failed').catch(() => undefined);
    console.error(`[e2e] The suite failed (exit code ${outcome}). Workbench console: ${join(RESULTS_DIR, CONSOLE_LOG)}`);
  }
  step(`Finished in ${Math.round((Date.now() - started) / 1000)} s with exit code ${outcome}`);
  return outcome;
}

/** Installs the .vsix into a fresh code-server, runs the suite there and resolves with its exit code. */
async function runSuite(tools, vsix) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Failure pictures from an earlier run would be mistaken for this run's.
  for (const stale of readdirSync(RESULTS_DIR).filter((name) => /^(failed.*|timeout)\.png$/.test(name) || name === CONSOLE_LOG)) {
    rmSync(join(RESULTS_DIR, stale), { force: true });
  }
  scratchDir = mkdtempSync(join(tmpdir(), 'mesh-config-e2e-'));
  layout = scratchLayout(scratchDir, tools, { MESH_CONFIG_SCREENSHOT_DIR: RESULTS_DIR });
  const workspace = copyWorkspace(scratchDir);

  step(`Installing ${vsix} into a fresh code-server (state in ${scratchDir})`);
  const installedExtension = await installVsix(tools, layout, vsix, EXTENSION_ID);
  step('Installing a stand-in for redhat.vscode-yaml next to it');
  await installVsix(tools, layout, packageFakeVscodeYaml(scratchDir), FAKE_VSCODE_YAML_ID);
  // Lets the suite check that the unpacked .vsix, not the source tree, is running.
  layout.env.MESH_CONFIG_E2E_EXTENSION_PATH = installedExtension;

  const port = await freePort();
  step(`Starting code-server on 127.0.0.1:${port}`);
  await startCodeServer(tools, layout, port);

  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  // The smoke-test driver reads these from the URL: load the installed copy of
  // the extension as the "development" one and run the suite in its host.
  const payload = [
    ['extensionDevelopmentPath', remote(installedExtension)],
    ['extensionTestsPath', remote(SUITE_INDEX)],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  step('Running the suite in the extension host');
  workbench = await runSuiteInWorkbench({
    chromiumPath: tools.chromium,
    profileDir: join(scratchDir, 'chromium-profile'),
    url,
    screenshotDir: RESULTS_DIR,
    consoleLog: join(RESULTS_DIR, CONSOLE_LOG),
  });
  return workbench.exitCode;
}

/** Stops everything this run started. Safe to call more than once. */
function cleanUp() {
  cleaningUp ??= (async () => {
    await workbench?.close().catch(() => undefined);
    await stopAll();
    if (layout) copyFileSync(layout.log, join(RESULTS_DIR, 'e2e-code-server.log'));
    if (scratchDir && !process.env.MESH_CONFIG_E2E_KEEP) rmSync(scratchDir, { recursive: true, force: true });
    else if (scratchDir) step(`Kept the scratch folder ${scratchDir}`);
  })().catch((error) => console.error(`[e2e] clean-up: ${error.message}`));
  return cleaningUp;
}

// `on`, not `once`: Ctrl-C under `npm run` delivers SIGINT twice (from the
// terminal and forwarded by npm), and the second must not kill us mid-clean-up.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    if (cleaningUp) return;
    console.error(`[e2e] ${signal}: stopping code-server and Chromium`);
    void cleanUp().then(() => process.exit(code));
  });
}
// If the process exits before cleanUp has finished, do what can be done synchronously.
process.once('exit', () => {
  killAllNow();
  if (scratchDir && !process.env.MESH_CONFIG_E2E_KEEP) rmSync(scratchDir, { recursive: true, force: true });
});

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (layout) console.error(`[e2e] Last lines of the code-server log:\n${logTail(layout)}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
