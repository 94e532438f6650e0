import { Document, isAlias, visit } from 'yaml';

/**
 * Whether an alias stands inside the very node its anchor names
 * (`a: &x {b: *x}`): a structure without end, which JSON cannot hold and the
 * API server refuses. yaml-language-server 1.25.0 expands such an alias again
 * and again until the stack overflows, so completion and hover do not hand
 * such a section to it.
 */
export function hasRecursiveAlias(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias(_key, alias, path) {
      const target = isAlias(alias) ? alias.resolve(doc) : undefined;
      if (target && path.includes(target)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
