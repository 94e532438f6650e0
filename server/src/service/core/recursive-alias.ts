import { Document, isAlias, isNode, Node, visit } from 'yaml';

const known = new WeakMap<Document.Parsed, boolean>();

/**
 * Whether an alias stands inside the very node its anchor names
 * (`a: &x {b: *x}`): a structure without end, which JSON cannot hold and the
 * API server refuses. yaml-language-server 1.25.0 expands such an alias again
 * and again until the stack overflows, so completion and hover do not hand
 * such a section to it. One walk in document order (an alias means the
 * closest anchor of its name before it), remembered per parsed document:
 * asked on every hover and completion, it must not cost more than that.
 */
export function hasRecursiveAlias(doc: Document.Parsed): boolean {
  const cached = known.get(doc);
  if (cached !== undefined) return cached;
  const latest = new Map<string, Node>();
  let found = false;
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      const target = latest.get(node.source);
      if (target && path.includes(target)) {
        found = true;
        return visit.BREAK;
      }
    } else if (isNode(node) && node.anchor) {
      latest.set(node.anchor, node);
    }
    return undefined;
  });
  known.set(doc, found);
  return found;
}
