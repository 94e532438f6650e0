import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FIXTURES_DIR, REPO_ROOT } from '../support/service';

export const CLI_FIXTURES = path.join(FIXTURES_DIR, 'cli');
export const EXPECTED_DIR = path.join(CLI_FIXTURES, 'expected');
const BIN = path.join(REPO_ROOT, 'bin', 'mesh-config.js');

/**
 * Copies a fixture folder to a fresh temporary folder. Fixtures keep their
 * ignore files as `gitignore.txt` (a real .gitignore would hide the fixture
 * files from this repository's own git); the copy gets them back as `.gitignore`.
 */
export function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `mesh-config-cli-${name}-`));
  copyDir(path.join(CLI_FIXTURES, name), target);
  return target;
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const dest = path.join(to, entry.name === 'gitignore.txt' ? '.gitignore' : entry.name);
    if (entry.isDirectory()) copyDir(source, dest);
    else fs.copyFileSync(source, dest);
  }
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI. `stdinFile` connects standard input to a file or device
 * instead of `input`; `uid`/`gid` run it as another user (tests running as
 * root need that to meet a permission error). The timeout is only a net so a
 * hang fails the test instead of the whole run; nothing asserts on time.
 */
export function runCli(
  args: string[],
  options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; stdinFile?: string; uid?: number; gid?: number },
): CliRun {
  const stdin = options.stdinFile === undefined ? undefined : fs.openSync(options.stdinFile, 'r');
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      ...(stdin === undefined ? { input: options.input ?? '' } : { stdio: [stdin, 'pipe', 'pipe'] }),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
      timeout: 120_000,
      uid: options.uid,
      gid: options.gid,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (stdin !== undefined) fs.closeSync(stdin);
  }
}

/**
 * Compares with an expected file. `UPDATE_EXPECTED=1` rewrites the file
 * instead (for a human who then reviews the diff, e.g. after rules change).
 */
export function assertExpected(actual: string, name: string): void {
  const file = path.join(EXPECTED_DIR, name);
  if (process.env.UPDATE_EXPECTED === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing expected file ${path.relative(REPO_ROOT, file)}; run with UPDATE_EXPECTED=1 and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${path.relative(REPO_ROOT, file)}`);
}

/** The parts of a report that depend on where and with which release it ran. */
export function normalise(text: string, dir: string): string {
  const url = `${pathToFileURL(dir).href}/`;
  return text.split(url).join('file:///PROJECT/').replace(/"semanticVersion": "[^"]+"/, '"semanticVersion": "VERSION"');
}
