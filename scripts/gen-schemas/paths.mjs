// Dotted paths into a generated schema, as used by the data files under
// scripts/schema-data/: `spec.http[].route[].weight` (`[]` = list items),
// `spec.runtime.components.*.pod` (`*` = the values of a free-form map) and
// `spec.{http,tcp}[].route` (braces = the same text for several paths).

/** Expands every `{a,b.c}` group; groups do not nest. */
export function expandPath(path) {
  const open = path.indexOf('{');
  if (open < 0) return [path];
  const close = path.indexOf('}', open);
  if (close < 0) throw new Error(`unbalanced brace in path ${path}`);
  const head = path.slice(0, open);
  const tail = path.slice(close + 1);
  return path
    .slice(open + 1, close)
    .split(',')
    .flatMap((choice) => expandPath(`${head}${choice.trim()}${tail}`));
}

/** The subschema at a path, or undefined. With `create`, missing properties are added. */
export function resolvePath(schema, path, create = false) {
  let node = schema;
  for (const raw of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    const isItem = raw.endsWith('[]');
    const key = isItem ? raw.slice(0, -2) : raw;
    if (key === '*') {
      if (!node.additionalProperties || typeof node.additionalProperties !== 'object') return undefined;
      node = node.additionalProperties;
    } else {
      if (!node.properties?.[key]) {
        if (!create) return undefined;
        node.properties ??= {};
        node.properties[key] = {};
      }
      node = node.properties[key];
    }
    if (isItem) {
      if (!node.items || typeof node.items !== 'object') return undefined;
      node = node.items;
    }
  }
  return node;
}
