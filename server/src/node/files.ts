import * as fs from 'fs';
import * as path from 'path';
import { GitignoreStack } from './gitignore';
import { globBase, globMatcher, isGlob } from './glob';
import { describeReadProblem, reason } from './safe-read';

export { reason };

const YAML_FILE = /\.ya?ml$/i;
/** Never searched: dependencies, git's own data, and hidden folders (.cache, .venv, .terraform …). */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** A file to check, and the tree it was found in. */
export interface CollectedFile {
  readonly path: string;
  /**
   * The folder `--fix` may write within: the folder or glob base that was
   * searched, or the folder of a file named directly. A symbolic link that
   * leads out of it is read but never written through.
   */
  readonly root: string;
}

/** A path that could not be used; the run goes on without it and exits 2. */
export interface PathProblem {
  /** As given or as found while walking (not yet made relative for display). */
  readonly path: string;
  readonly reason: string;
}

export interface WalkOptions {
  /** Called between folders; returning true stops the walk early (the editor's cancel button). */
  readonly cancelled?: () => boolean;
  /** A folder that could not be listed; it is skipped. */
  readonly unreadableFolder?: (dir: string, reason: string) => void;
  /** A YAML entry that is not a usable file (broken or looping link, FIFO, device); it is skipped. */
  readonly unusableEntry?: (file: string, reason: string) => void;
}

/**
 * Every file the arguments name, in a stable order, without duplicates:
 * files as given (whatever their extension), folders searched for YAML,
 * globs expanded. `-` passes through for standard input. Nothing here stops
 * the run: each path that cannot be used becomes a problem and the rest go on.
 */
export function collectFiles(args: readonly string[], options: Pick<WalkOptions, 'cancelled'> = {}): { files: CollectedFile[]; problems: PathProblem[] } {
  const seen = new Set<string>();
  const files: CollectedFile[] = [];
  const problems: PathProblem[] = [];
  const walkOptions: WalkOptions = {
    ...options,
    unreadableFolder: (dir, why) => problems.push({ path: dir, reason: `folder cannot be read (${why})` }),
    unusableEntry: (file, why) => problems.push({ path: file, reason: `${why}; not checked` }),
  };
  const add = (file: string, root: string) => {
    const key = file === '-' ? '-' : path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: file, root });
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg, '.');
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg, { throwIfNoEntry: false });
    } catch (error) {
      problems.push({ path: arg, reason: `cannot be read (${reason(error)})` });
      continue;
    }
    if (stat?.isDirectory()) walk(arg, GitignoreStack.at(arg), walkOptions, (file) => add(file, arg));
    else if (stat) add(arg, path.dirname(arg));
    else if (isGlob(arg)) {
      const expanded = expandGlob(arg, walkOptions);
      if (typeof expanded === 'string') problems.push({ path: arg, reason: expanded });
      else if (expanded.files.length === 0) problems.push({ path: arg, reason: 'no YAML files match this pattern' });
      else expanded.files.forEach((file) => add(file, expanded.base));
    } else problems.push({ path: arg, reason: 'no such file or directory' });
  }
  return { files, problems };
}

/** YAML files under a folder, honouring .gitignore; paths keep the folder's spelling as a prefix. */
export function yamlFilesUnder(dir: string, options: WalkOptions = {}): string[] {
  const files: string[] = [];
  walk(dir, GitignoreStack.at(dir), options, (f) => files.push(f));
  return files;
}

function walk(dir: string, rules: GitignoreStack, options: WalkOptions, add: (file: string) => void): void {
  if (options.cancelled?.()) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    options.unreadableFolder?.(dir, reason(error));
    return;
  }
  // Byte order, not locale order: the same listing on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they can loop, and git does not follow them either.
    if (entry.isDirectory()) {
      if (!skippedFolder(entry.name) && !rules.ignores(full, true)) walk(full, rules.enter(full), options, add);
    } else if (YAML_FILE.test(entry.name) && !rules.ignores(full, false)) {
      const unusable = entry.isFile() ? undefined : unusableEntry(full, entry);
      if (unusable === undefined) add(full);
      else if (unusable !== 'folder-link') options.unusableEntry?.(full, unusable);
    }
  }
}

/**
 * Why a YAML-named entry that is not a plain file cannot be checked, or
 * undefined when it is a link to a plain file; a link to a folder is passed
 * over silently, as folder links always are.
 */
function unusableEntry(full: string, entry: fs.Dirent): string | 'folder-link' | undefined {
  if (!entry.isSymbolicLink()) return describeReadProblem({ kind: 'not-a-file', what: kindOf(entry) });
  let target: fs.Stats;
  try {
    target = fs.statSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'a symbolic link to nothing' : `a symbolic link that cannot be followed (${reason(error)})`;
  }
  if (target.isFile()) return undefined;
  if (target.isDirectory()) return 'folder-link';
  return describeReadProblem({ kind: 'not-a-file', what: kindOf(target) });
}

function kindOf(entry: fs.Dirent | fs.Stats): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'an unusual kind of file';
}

/** The files a glob matches and the folder it searched, or why the pattern is unusable. */
function expandGlob(pattern: string, options: WalkOptions): { base: string; files: string[] } | string {
  const { base, rest } = globBase(pattern);
  let matches: (relative: string) => boolean;
  try {
    matches = globMatcher(rest);
  } catch (error) {
    // A character class such as [z-a] makes no regular expression; say so instead of failing.
    const detail = error instanceof Error ? (error.message.split(': ').pop() ?? error.message) : String(error);
    return `not a valid pattern (${detail.charAt(0).toLowerCase()}${detail.slice(1)})`;
  }
  try {
    if (!fs.statSync(base, { throwIfNoEntry: false })?.isDirectory()) return { base, files: [] };
  } catch (error) {
    return `cannot be read (${reason(error)})`;
  }
  const relative = (file: string) => path.relative(base, file).split(path.sep).join('/');
  const files: string[] = [];
  // Entries the pattern does not name are none of this run's business, usable or not.
  const below: WalkOptions = { ...options, unusableEntry: (file, why) => matches(relative(file)) && options.unusableEntry?.(file, why) };
  walk(base, GitignoreStack.at(base), below, (file) => {
    if (matches(relative(file))) files.push(file);
  });
  return { base, files };
}
