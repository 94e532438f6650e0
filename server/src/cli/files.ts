import * as fs from 'fs';
import * as path from 'path';
import { GitignoreStack } from './gitignore';
import { globBase, globMatcher, isGlob } from './glob';

/** A path that names nothing or cannot be listed: reported in one line, exit code 2. */
export class PathError extends Error {}

const YAML_FILE = /\.ya?ml$/i;
/** Never searched: dependencies, git's own data, and hidden folders (.cache, .venv, .terraform …). */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export interface WalkOptions {
  /** Called between folders; returning true stops the walk early (the editor's cancel button). */
  readonly cancelled?: () => boolean;
  /** Without it an unreadable folder stops the walk (the CLI exits 2); with it the folder is skipped. */
  readonly unreadableFolder?: (dir: string, reason: string) => void;
}

/**
 * Every file the arguments name, in a stable order, without duplicates:
 * files as given (whatever their extension), folders searched for YAML,
 * globs expanded. `-` passes through for standard input.
 */
export function collectFiles(args: readonly string[], options: WalkOptions = {}): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (file: string) => {
    const key = file === '-' ? '-' : path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    result.push(file);
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(arg, GitignoreStack.at(arg), options, add);
    else if (stat) add(arg);
    else if (isGlob(arg)) {
      const matches = expandGlob(arg, options);
      if (matches.length === 0) throw new PathError(`${arg}: no YAML files match this pattern`);
      matches.forEach(add);
    } else throw new PathError(`${arg}: no such file or directory`);
  }
  return result;
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
    if (!options.unreadableFolder) throw new PathError(`cannot read folder ${dir}: ${reason(error)}`);
    options.unreadableFolder(dir, reason(error));
    return;
  }
  // Byte order, not locale order: the same listing on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they can loop, and git does not follow them either.
    if (entry.isDirectory()) {
      if (!skippedFolder(entry.name) && !rules.ignores(full, true)) walk(full, rules.enter(full), options, add);
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || isFileLink(full)) && !rules.ignores(full, false)) {
      add(full);
    }
  }
}

function expandGlob(pattern: string, options: WalkOptions): string[] {
  const { base, rest } = globBase(pattern);
  if (!fs.statSync(base, { throwIfNoEntry: false })?.isDirectory()) return [];
  const matches = globMatcher(rest);
  const files: string[] = [];
  walk(base, GitignoreStack.at(base), options, (file) => {
    if (matches(path.relative(base, file).split(path.sep).join('/'))) files.push(file);
  });
  return files;
}

function isFileLink(full: string): boolean {
  return fs.statSync(full, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The short reason in a file-system error ("permission denied"), without Node's call details. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'no such file or directory',
    EISDIR: 'is a folder',
    EMFILE: 'too many open files',
  };
  if (code && known[code]) return known[code];
  return error instanceof Error ? error.message : String(error);
}
