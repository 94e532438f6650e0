// Starts and stops a throwaway code-server whose every piece of state lives in
// one scratch folder, so a run never reads or changes the user's VS Code setup.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 60_000;
const INSTALL_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

// The workbench logs through the same console logger as the extension host, so
// its chatter (chat and agent features looking for a GitHub sign-in, update and
// recommendation checks) would bury the suite's output. Switch those off.
const QUIET_WORKBENCH_SETTINGS = {
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
};

/** Folders and environment for one run; `extraEnv` reaches the extension host. */
export function scratchLayout(scratchDir, tools, extraEnv) {
  const layout = {
    scratchDir,
    home: join(scratchDir, 'home'),
    config: join(scratchDir, 'config.yaml'),
    userDataDir: join(scratchDir, 'user-data'),
    extensionsDir: join(scratchDir, 'extensions'),
    log: join(scratchDir, 'code-server.log'),
  };
  for (const dir of [layout.home, layout.userDataDir, layout.extensionsDir]) mkdirSync(dir, { recursive: true });
  mkdirSync(join(layout.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(layout.userDataDir, 'User', 'settings.json'), `${JSON.stringify(QUIET_WORKBENCH_SETTINGS, null, 2)}\n`);
  layout.env = {
    ...process.env,
    ...extraEnv,
    PATH: `${tools.nodeBinDir}:${process.env.PATH ?? ''}`,
    HOME: layout.home,
    XDG_CONFIG_HOME: join(layout.home, '.config'),
    XDG_DATA_HOME: join(layout.home, '.local', 'share'),
    XDG_CACHE_HOME: join(layout.home, '.cache'),
    XDG_STATE_HOME: join(layout.home, '.local', 'state'),
  };
  return layout;
}

function dirArgs(layout) {
  return ['--config', layout.config, '--user-data-dir', layout.userDataDir, '--extensions-dir', layout.extensionsDir];
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Installs the .vsix with code-server's own CLI and returns the folder it
 * unpacked the extension into: that folder, not the source tree, is what the
 * suite then runs against, which proves the package is complete.
 */
export async function installVsix(tools, layout, vsixPath, extensionId) {
  const child = startGroup(tools, layout, [...dirArgs(layout), '--install-extension', vsixPath]);
  const code = await exitOf(child, INSTALL_TIMEOUT_MS);
  if (code !== 0) throw new Error(`code-server --install-extension ${vsixPath} failed (${code}); see ${layout.log}`);
  const prefix = `${extensionId.toLowerCase()}-`;
  const unpacked = readdirSync(layout.extensionsDir).filter((name) => name.toLowerCase().startsWith(prefix));
  if (unpacked.length !== 1) {
    throw new Error(`expected one ${prefix}* folder in ${layout.extensionsDir}, found: ${unpacked.join(', ') || 'none'}`);
  }
  return join(layout.extensionsDir, unpacked[0]);
}

/** Starts code-server in its own process group and resolves once it answers HTTP. */
export async function startCodeServer(tools, layout, port) {
  writeFileSync(
    layout.config,
    [
      `bind-addr: 127.0.0.1:${port}`,
      'auth: none',
      'cert: false',
      'disable-telemetry: true',
      'disable-update-check: true',
      'disable-workspace-trust: true',
      '',
    ].join('\n'),
  );
  // Without the smoke-test driver, the workbench ignores the extensionTestsPath payload.
  const child = startGroup(tools, layout, [...dirArgs(layout), '--vscode-option', 'enable-smoke-test-driver']);
  let exited;
  child.once('exit', (code, signal) => (exited = code ?? signal));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  // Nothing announces readiness except the port answering, so poll it.
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`code-server exited (${exited}) before it was ready; see ${layout.log}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS / 1000} s; see ${layout.log}`);
}

/** Spawns code-server detached, i.e. as the leader of a new process group. */
function startGroup(tools, layout, args) {
  const log = createWriteStream(layout.log, { flags: 'a' });
  log.write(`\n$ code-server ${args.join(' ')}\n`);
  const child = spawn(tools.node24, [tools.codeServerEntry, ...args], {
    cwd: layout.scratchDir,
    env: layout.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  // Kept after the leader exits: processes it started may still be in its group.
  trackedGroups.add(child);
  return child;
}

function exitOf(child, timeoutMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode);
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      resolve(`timed out after ${timeoutMs / 1000} s`);
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

const trackedGroups = new Set();

function killGroup(child, signal) {
  try {
    // A negative pid signals the whole group: code-server, its extension host, the language server.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every process group started here: SIGTERM, then SIGKILL after a grace period. */
export async function stopAll() {
  const children = [...trackedGroups];
  await Promise.all(
    children.map(async (child) => {
      killGroup(child, 'SIGTERM');
      const code = await exitOf(child, STOP_GRACE_MS);
      // The leader may be gone while children it left behind still run.
      killGroup(child, 'SIGKILL');
      trackedGroups.delete(child);
      return code;
    }),
  );
}

/** Last resort from a synchronous 'exit' handler, where nothing can be awaited. */
export function killAllNow() {
  for (const child of trackedGroups) killGroup(child, 'SIGKILL');
}

export function logTail(layout, lines = 40) {
  try {
    return readFileSync(layout.log, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no code-server log)';
  }
}
