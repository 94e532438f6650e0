import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/service';

export interface InstalledPackage {
  /** The tarball `npm pack` made. */
  readonly tarball: string;
  /** The folder it was installed into (holds node_modules/). */
  readonly prefix: string;
  /** The package's own folder inside node_modules. */
  readonly packageDir: string;
  /** Path of an installed binary, as npm links it in node_modules/.bin. */
  bin(name: 'mesh-config' | 'mesh-config-language-server'): string;
  /** Removes the tarball, the npm cache and the installation. */
  remove(): void;
}

/**
 * The environment for the npm calls: the outer `npm test` exports npm_* variables (its own prefix, its
 * lifecycle event, ...) that would steer the inner npm; drop them so it acts as in a user's shell.
 */
export function npmEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/**
 * Packs this checkout with `npm pack` (using the bundles `npm test` has just built; --ignore-scripts so packing
 * does not rebuild them under the feet of tests running meanwhile) and installs the tarball into an empty folder
 * with `npm install --offline` and an empty npm cache: any dependency the package declared would have to come from
 * the network, so the install succeeds only if the tarball is self-contained.
 */
export function packAndInstall(): InstalledPackage {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-package-'));
  const cache = path.join(work, 'npm-cache');
  const prefix = path.join(work, 'project');
  fs.mkdirSync(prefix);
  const npm = (args: string[], cwd: string): string =>
    execFileSync('npm', [...args, '--cache', cache, '--no-audit', '--no-fund', '--no-update-notifier'], {
      cwd,
      env: npmEnvironment(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT)) as { filename: string }[];
  const tarball = path.join(work, packed[0].filename);
  // A package.json of its own, so npm installs here and does not look for a project further up.
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(['install', '--offline', tarball], prefix);
  return {
    tarball,
    prefix,
    packageDir: path.join(prefix, 'node_modules', 'mesh-config'),
    bin: (name) => path.join(prefix, 'node_modules', '.bin', name),
    remove: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

/** Every file below `dir`, as paths relative to `base` with forward slashes, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
    })
    .sort();
}
