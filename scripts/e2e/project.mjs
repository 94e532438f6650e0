// What both e2e runners need from the project: its paths, the compiled suite
// and the packaged extension.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = join(ROOT, '.cache', 'e2e');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const WORKSPACE_DIR = join(ROOT, 'test', 'e2e', 'workspace');
/** The extensionTestsPath: test/e2e/suite/index.ts compiled by test/e2e/tsconfig.json. */
/** A stand-in for redhat.vscode-yaml with its schema contributor API; installed next to ours. */
export const FAKE_VSCODE_YAML_DIR = join(ROOT, 'test', 'e2e', 'fake-vscode-yaml');
export const FAKE_VSCODE_YAML_ID = 'redhat.vscode-yaml';
export const SUITE_INDEX = join(ROOT, 'out', 'e2e', 'suite', 'index.js');

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/**
 * Copies test/e2e/workspace into the run's scratch folder and returns the copy.
 * Tests edit and save fixtures (fix-on-save, quick fixes); working on a copy
 * keeps the tracked files unchanged and every run starting from the same state.
 */
export function copyWorkspace(scratchDir) {
  const copy = join(scratchDir, 'workspace');
  cpSync(WORKSPACE_DIR, copy, { recursive: true });
  return copy;
}

export function compileSuite() {
  step('Compiling the e2e suite (test/e2e/tsconfig.json)');
  runOrThrow(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'test', 'e2e', 'tsconfig.json')]);
  if (!existsSync(SUITE_INDEX)) throw new Error(`compiling the suite did not produce ${SUITE_INDEX}`);
}

/**
 * Packages the extension the way it ships (`npm run package`) and returns the
 * .vsix path. MESH_CONFIG_E2E_VSIX names an already packaged one instead, for
 * a pipeline that has just built it.
 */
export function packageExtension() {
  const given = process.env.MESH_CONFIG_E2E_VSIX;
  if (given) {
    const vsix = resolve(given);
    if (!existsSync(vsix)) throw new Error(`MESH_CONFIG_E2E_VSIX points at a missing file: ${vsix}`);
    step(`Using the packaged extension ${vsix}`);
    return vsix;
  }
  step('Packaging the extension (npm run package)');
  runOrThrow('npm', ['run', '--silent', 'package'], { quiet: true });
  return join(ROOT, 'mesh-config.vsix');
}

/** Packages the vscode-yaml stand-in into `outDir` and returns the .vsix path. */
export function packageFakeVscodeYaml(outDir) {
  const vsix = join(outDir, 'fake-vscode-yaml.vsix');
  runOrThrow(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], { quiet: true, cwd: FAKE_VSCODE_YAML_DIR });
  return vsix;
}

function runOrThrow(command, args, { quiet = false, cwd = ROOT } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`})`);
  }
}

export function step(message) {
  console.log(`[e2e] ${message}`);
}
