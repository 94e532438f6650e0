import * as fs from 'fs';
import * as path from 'path';

/**
 * Where `--fix` may write a file found under `root`: its real path when that
 * lies inside the real `root`, so a fix through a link inside the tree edits
 * the linked file and keeps the link; otherwise the reason it may not. A link
 * out of the checked tree (into /etc, a shared folder, another repository) is
 * read and checked but never written through.
 */
export function writeTarget(file: string, root: string, rootName = root): { ok: true; path: string } | { ok: false; reason: string } {
  const real = fs.realpathSync(file);
  const realRoot = fs.realpathSync(root);
  const relative = path.relative(realRoot, real);
  if (relative === '' || relative.startsWith(`..${path.sep}`) || relative === '..' || path.isAbsolute(relative)) {
    return { ok: false, reason: `it is a symbolic link to ${real}, outside ${rootName === '.' ? 'the checked folder' : rootName}` };
  }
  return { ok: true, path: real };
}
