import { Document, isMap, isPair, isScalar, isSeq, Node, YAMLMap } from 'yaml';

/** A comment to place in generated YAML, at a path of keys and list indices. */
export interface GeneratedComment {
  readonly path: readonly (string | number)[];
  /** Comment lines above the entry. */
  readonly before?: string | readonly string[];
  /** Comment at the end of the entry's line (scalars only). */
  readonly after?: string;
}

/**
 * Writes a resource as block YAML with two-space indentation (lists indented
 * under their key, the style of the OpenShift and Istio docs), with comments.
 * Key order is the object's insertion order; use a Map for non-string keys.
 */
export function emitYaml(value: unknown, comments: readonly GeneratedComment[] = [], header: readonly string[] = []): string {
  // Shared arrays (the same path list in two rules) are written out twice, never as aliases.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  for (const comment of comments) attach(doc, comment);
  const body = doc.toString({ lineWidth: 0, indentSeq: true });
  return header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n') + (header.length > 0 ? '\n' : '') + body;
}

function attach(doc: Document, comment: GeneratedComment): void {
  const parentPath = comment.path.slice(0, -1);
  const last = comment.path[comment.path.length - 1];
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  let target: Node | undefined;
  let valueNode: unknown;
  if (isMap(parent)) {
    const pair = (parent as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    target = pair?.key as Node | undefined;
    valueNode = pair?.value;
  } else if (isSeq(parent) && typeof last === 'number') {
    target = parent.items[last] as Node | undefined;
    valueNode = target;
  }
  if (!target) throw new Error(`no generated node at ${comment.path.join('.')}`);
  if (comment.before !== undefined) {
    const lines = typeof comment.before === 'string' ? [comment.before] : comment.before;
    target.commentBefore = lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  }
  if (comment.after !== undefined && isScalar(valueNode)) valueNode.comment = ` ${comment.after}`;
}
