// Provisions what the code-server e2e run needs into the git-ignored .cache/e2e/:
// Node 24 (code-server 4.139.1 refuses older Node), code-server itself, and
// Debian's Chromium. Everything comes from the npm registry or Debian apt,
// the only sources this project may download from.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Generous: the code-server install compiles native modules on two cores.
const NPM_INSTALL_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * Returns the paths of the provisioned tools, installing whatever is missing.
 * A folder counts as provisioned only once its `.provisioned` stamp names the
 * pinned version, so an interrupted install is redone rather than trusted.
 */
export function provision(cacheFolder) {
  // Absolute, because the installs below run with their own working directory.
  const cacheDir = resolve(cacheFolder);
  mkdirSync(cacheDir, { recursive: true });
  const log = join(cacheDir, 'provision.log');
  const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
  const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const codeServerMissing = !isStamped(codeServerDir, CODE_SERVER_VERSION);

  ensureAptPackages(log, {
    chromium: !existsSync(CHROMIUM_PATH),
    // Only the code-server install needs the Kerberos headers (its `kerberos` native module).
    'libkrb5-dev': codeServerMissing && !dpkgInstalled('libkrb5-dev'),
  });

  if (!isStamped(nodeDir, NODE_VERSION)) {
    step(`Installing Node ${NODE_VERSION} from the npm registry into ${nodeDir}`);
    npmInstall(process.execPath, nodeDir, `node@${NODE_VERSION}`, withoutOuterNpm(process.env), log);
    stamp(nodeDir, NODE_VERSION);
  }
  const nodeBinDir = join(nodeDir, 'node_modules', 'node', 'bin');
  const node24 = join(nodeBinDir, 'node');
  // The `node` package ships its headers in the platform package; node-gyp needs them.
  const node24Headers = join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);

  if (codeServerMissing) {
    step(`Installing code-server ${CODE_SERVER_VERSION} under Node ${NODE_VERSION} (first run only: about 4 minutes, about 600 MB)`);
    const env = {
      ...withoutOuterNpm(process.env),
      PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
      // A user-level .npmrc may point nodedir at the system Node 20 headers;
      // native modules must be built against the Node 24 that will load them.
      npm_config_nodedir: node24Headers,
    };
    // npm itself must run under Node 24: code-server's postinstall reads the
    // Node version from npm's user agent, and PATH alone does not decide which
    // node a spawned `npm` runs on.
    npmInstall(node24, codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env, log);
    stamp(codeServerDir, CODE_SERVER_VERSION);
  }

  return {
    node24,
    nodeBinDir,
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM_PATH,
  };
}

function ensureAptPackages(log, wanted) {
  const missing = Object.entries(wanted).filter(([, needed]) => needed).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  step(`Installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['update'], { env: process.env, log });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    log,
  });
}

function dpkgInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function npmInstall(nodeBinary, dir, spec, env, log) {
  mkdirSync(dir, { recursive: true });
  // A private package.json keeps npm from walking up into the project's own.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'mesh-config-e2e-cache', private: true }, null, 2));
  run(nodeBinary, [npmCli(), 'install', '--save-exact', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: dir,
    env,
    log,
    timeout: NPM_INSTALL_TIMEOUT_MS,
  });
}

function run(command, args, { cwd, env, log, timeout }) {
  appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd, env, timeout, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  appendFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
    fail(`\`${command} ${args.join(' ')}\` failed (${why}). Last lines of ${log}:\n${tail}`);
  }
}

/**
 * Under `npm run`, npm exports its own settings as npm_config_* variables, and
 * a nested npm obeys them: local_prefix would install into the project itself,
 * and user_agent names Node 20, which code-server's postinstall rejects.
 */
function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

/** The npm CLI script that is running us (under `npm run`) or the first `npm` on PATH. */
function npmCli() {
  const fromNpmRun = process.env.npm_execpath;
  if (fromNpmRun && /npm-cli\.js$/.test(fromNpmRun)) return fromNpmRun;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (dir && existsSync(candidate)) return realpathSync(candidate);
  }
  fail('npm was not found on PATH');
}

function isStamped(dir, version) {
  const file = join(dir, '.provisioned');
  return existsSync(file) && readFileSync(file, 'utf8').trim() === version;
}

function stamp(dir, version) {
  writeFileSync(join(dir, '.provisioned'), `${version}\n`);
}

function step(message) {
  console.log(`[e2e] ${message}`);
}

function fail(message) {
  throw new Error(`[e2e] provisioning failed: ${message}`);
}
