// `npm run test:electron`: runs test/e2e/suite in desktop VS Code through
// @vscode/test-electron. Needs either VSCODE_EXECUTABLE_PATH (an installed VS
// Code) or a machine that can download VS Code; offline, use `npm run test:e2e`.
// On Linux without a display, run it under xvfb-run.
//
// Environment:
//   VSCODE_EXECUTABLE_PATH          the VS Code binary to test with (no download)
//   MESH_CONFIG_E2E_VSCODE_VERSION  version to download otherwise (default: the
//                                   VS Code inside the pinned code-server)
//   MESH_CONFIG_E2E_GREP            run only the tests whose full title matches
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { CACHE_DIR, compileSuite, copyWorkspace, FAKE_VSCODE_YAML_DIR, ROOT, step, SUITE_INDEX } from './project.mjs';

// code-server 4.139.1 embeds VS Code 1.139.1: both runners then test one VS Code.
const VSCODE_VERSION = process.env.MESH_CONFIG_E2E_VSCODE_VERSION ?? '1.139.1';

async function vscodeExecutable() {
  const installed = process.env.VSCODE_EXECUTABLE_PATH;
  if (installed) return installed;
  try {
    // Cached under the git-ignored .cache/ rather than test-electron's default ./.vscode-test.
    return await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(CACHE_DIR, 'vscode'), reporter: new SilentReporter() });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`[e2e] Cannot download VS Code ${VSCODE_VERSION} (${reason}); set VSCODE_EXECUTABLE_PATH or run \`npm run test:e2e\` (code-server, works offline).`);
    return undefined;
  }
}

async function main() {
  const executable = await vscodeExecutable();
  if (!executable) return 2;

  compileSuite();
  step('Building the extension (npm run build)');
  if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return 1;

  // A fresh profile each run, so no user setting or extension leaks in.
  const scratchDir = mkdtempSync(join(tmpdir(), 'mesh-config-electron-'));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      // Ours, and a stand-in for redhat.vscode-yaml to check how we live next to it.
      extensionDevelopmentPath: [ROOT, FAKE_VSCODE_YAML_DIR],
      extensionTestsPath: SUITE_INDEX,
      extensionTestsEnv: { MESH_CONFIG_E2E_GREP: process.env.MESH_CONFIG_E2E_GREP },
      launchArgs: [
        copyWorkspace(scratchDir),
        '--user-data-dir', join(scratchDir, 'user-data'),
        '--extensions-dir', join(scratchDir, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        // Chromium refuses to run as root with its sandbox on.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    return 0;
  } catch (error) {
    console.error(`[e2e] The suite failed: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

process.exit(await main());
