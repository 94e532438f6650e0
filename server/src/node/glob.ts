/**
 * Glob patterns for paths the shell did not expand (quoted, or on Windows):
 * `*` and `?` within one path segment, `**` across segments, `[abc]` classes
 * and `{a,b}` alternatives.
 */

const MAGIC = /[*?[\]{}]/;

export function isGlob(text: string): boolean {
  return MAGIC.test(text);
}

/** Splits `a/b/**\/*.yaml` into the folder to search (`a/b`) and the pattern below it. */
export function globBase(pattern: string): { base: string; rest: string } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { base, rest: segments.slice(firstMagic).join('/') };
}

/** A matcher for `/`-separated paths relative to the glob's base. */
export function globMatcher(rest: string): (relative: string) => boolean {
  const regex = new RegExp(`^${translate(rest)}$`);
  return (relative) => regex.test(relative);
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` matches everything below.
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(translate).join('|')})`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return out;
}
