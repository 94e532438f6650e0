// Facts about ServiceMeshControlPlane maistra.io/v2 that its CRD does not
// carry: enums, defaults, examples, undeclared fields (smcp-v2.yaml) and the
// spec.version values in which each field exists (smcp-versions.yaml).
import { resolvePath } from './paths.mjs';

export const SMCP_VERSIONS = ['v2.0', 'v2.1', 'v2.2', 'v2.3', 'v2.4', 'v2.5', 'v2.6'];

/** Applies both data files; returns problems (paths not in the schema, bad data). */
export function applySmcpFacts(schema, facts, versions) {
  const problems = [];
  const at = (path, what) => {
    const node = resolvePath(schema, path);
    if (!node) problems.push(`${what}: ${path} is not in the SMCP v2 schema`);
    return node;
  };
  // Added to `properties` only: the parent's additionalProperties stay as the CRD has them.
  for (const [path, extra] of Object.entries(facts.extraProperties ?? {})) {
    const parent = resolvePath(schema, path.split('.').slice(0, -1).join('.'));
    if (!parent) problems.push(`extraProperties: parent of ${path} is not in the SMCP v2 schema`);
    else Object.assign(resolvePath(schema, path, true), extra);
  }
  for (const [path, values] of Object.entries(facts.enums ?? {})) {
    const node = at(path, 'enums');
    if (node) node.enum = values;
  }
  for (const [path, value] of Object.entries(facts.defaults ?? {})) {
    const node = at(path, 'defaults');
    if (node) node.default = value;
  }
  for (const [path, value] of Object.entries(facts.examples ?? {})) {
    const node = at(path, 'examples');
    if (node) node.examples = value;
  }
  for (const [path, entry] of Object.entries(versions ?? {})) {
    const list = entry?.versions;
    if (!Array.isArray(list) || list.length === 0 || list.some((v) => !SMCP_VERSIONS.includes(v))) {
      problems.push(`smcp-versions: ${path} needs a list of versions out of ${SMCP_VERSIONS.join(', ')}`);
      continue;
    }
    if (typeof entry.note !== 'string' || !entry.note.trim()) problems.push(`smcp-versions: ${path} needs a note saying why`);
    const node = at(path, 'smcp-versions');
    if (node) node['x-smcp-versions'] = [...list].sort((a, b) => SMCP_VERSIONS.indexOf(a) - SMCP_VERSIONS.indexOf(b));
  }
  return problems;
}
