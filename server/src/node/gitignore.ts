import * as fs from 'fs';
import * as path from 'path';
import ignore = require('ignore');

/**
 * The .gitignore files that apply inside a folder, as git reads them: each
 * file's patterns are relative to its own folder, deeper files win, and a
 * folder that is ignored is never entered (so nothing in it can be re-included).
 *
 * Pattern matching is the `ignore` package's (the matcher ESLint and Prettier
 * use): it implements the whole gitignore syntax, including escapes, character
 * classes and the negation rules, which a hand-written matcher tends to get wrong.
 */
export class GitignoreStack {
  private constructor(private readonly layers: readonly { dir: string; matcher: ignore.Ignore }[]) {}

  /**
   * The rules in force at `dir`: its own .gitignore and those of the folders
   * above it, up to the repository root (the folder holding `.git`). Outside a
   * repository only `dir`'s own file counts, since nothing above it is in scope.
   */
  static at(dir: string): GitignoreStack {
    const absolute = path.resolve(dir);
    const chain = [absolute];
    const root = repositoryRoot(absolute);
    if (root) {
      for (let current = absolute; current !== root; ) {
        current = path.dirname(current);
        chain.unshift(current);
      }
    }
    return chain.reduce((stack, folder) => stack.enter(folder), new GitignoreStack([]));
  }

  /** The rules inside a subfolder (adds its .gitignore, if any). */
  enter(dir: string): GitignoreStack {
    const patterns = readIgnoreFile(path.join(dir, '.gitignore'));
    return patterns === undefined ? this : new GitignoreStack([...this.layers, { dir, matcher: ignore().add(patterns) }]);
  }

  ignores(fullPath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const relative = path.relative(layer.dir, fullPath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('..')) continue;
      const result = layer.matcher.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // No .gitignore (the usual case) or an unreadable one: git ignores those too.
    return undefined;
  }
}

function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; ) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
