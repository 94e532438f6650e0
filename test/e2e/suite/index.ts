import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';
import { requestScreenshot } from './util';

/**
 * The extensionTestsPath entry point. VS Code (through @vscode/test-electron, or
 * code-server's smoke-test driver) loads this file in the extension host and
 * awaits `run()`; a rejection makes the host exit with code 1.
 */

// mocha 12's package entry is an ES module. The extension host loads this suite
// with require(), and not every host's Node can require() ES modules, so load
// mocha's own CommonJS build directly (the version is pinned in package.json).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // Extension-host output reaches the terminal through the page console or
    // Electron's stdout, where colour codes would only be noise in CI logs.
    color: false,
    timeout: 20000,
    grep: process.env.MESH_CONFIG_E2E_GREP,
  });
  // A picture of the workbench at the moment a test fails (code-server runner only).
  mocha.suite.afterEach(async function () {
    const failed = this.currentTest;
    if (failed?.state !== 'failed') return;
    const name = `failed-${failed.fullTitle().replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}`;
    await requestScreenshot(name).catch((error: Error) => console.error(`screenshot ${name}: ${error.message}`));
  });

  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        // A plain closing line that CI log readers understand.
        console.log(`e2e: ${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else if (passed === 0) reject(new Error('no e2e test ran'));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
