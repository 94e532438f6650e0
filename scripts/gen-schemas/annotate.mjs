// Applies our own data (descriptions, enums, version windows, defaults) to
// generated schemas, addressed by dotted paths: `spec.http[].route`, with `*`
// for the values of a free-form map.

/** The subschema at a path, or undefined. With `create`, missing properties are added. */
export function resolvePath(schema, path, create = false) {
  let node = schema;
  for (const raw of path.split('.')) {
    if (!node) return undefined;
    const isItem = raw.endsWith('[]');
    const key = isItem ? raw.slice(0, -2) : raw;
    if (key === '*') {
      if (typeof node.additionalProperties !== 'object') return undefined;
      node = node.additionalProperties;
    } else {
      node.properties ??= create ? {} : undefined;
      if (!node.properties) return undefined;
      if (!node.properties[key]) {
        if (!create) return undefined;
        node.properties[key] = {};
      }
      node = node.properties[key];
    }
    if (isItem) {
      if (typeof node.items !== 'object') return undefined;
      node = node.items;
    }
  }
  return node;
}

/** Sets `description` on every path of the kind's table; returns the paths found nowhere. */
export function applyDescriptions(schema, table) {
  const missing = [];
  for (const [path, text] of Object.entries(table ?? {})) {
    const node = resolvePath(schema, path);
    if (node) node.description = text;
    else missing.push(path);
  }
  return missing;
}

export function applySmcpFacts(schema, facts) {
  const problems = [];
  for (const [path, extra] of Object.entries(facts.extraProperties ?? {})) {
    const node = resolvePath(schema, path, true);
    Object.assign(node, extra);
  }
  for (const [path, values] of Object.entries(facts.enums ?? {})) {
    const node = resolvePath(schema, path);
    if (node) node.enum = values;
    else problems.push(`enum path not in schema: ${path}`);
  }
  for (const [path, versions] of Object.entries(facts.versions ?? {})) {
    const node = resolvePath(schema, path);
    if (node) node['x-smcp-versions'] = versions;
    else problems.push(`version path not in schema: ${path}`);
  }
  for (const [path, value] of Object.entries(facts.defaults ?? {})) {
    const node = resolvePath(schema, path);
    if (node) node.default = value;
    else problems.push(`default path not in schema: ${path}`);
  }
  return problems;
}
