/**
 * The bundled JSON Schemas as other tools read them: one file per kind and version, named as kubeconform's
 * `{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json` schema location expects, and one schema for vscode-yaml's
 * `yaml.schemas` that picks the kind's file by apiVersion and kind. Pure: the command writes the files.
 */

type Schema = Record<string, unknown>;

export interface CatalogResource {
  readonly apiVersion: string;
  readonly kind: string;
  /** Path of the schema file, relative to the schemas folder. */
  readonly schema: string;
}

export interface ExportedFile {
  readonly name: string;
  readonly content: Schema;
}

/** The file vscode-yaml users map in `yaml.schemas`. */
export const DISPATCH_FILE = 'mesh-resources.json';

/** The generator marks SMCP v2 fields that exist only in some versions with this keyword (see scripts/gen-schemas). */
const VERSIONS_KEYWORD = 'x-smcp-versions';
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'];
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else'];

/** kubeconform lowercases the kind and takes the version without its group: `servicemeshcontrolplane_v2.json`. */
export function kubeconformName(apiVersion: string, kind: string): string {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return `${kind.toLowerCase()}_${version.toLowerCase()}.json`;
}

/**
 * A copy of `schema` for one control-plane version: fields the generator marked with other versions are left
 * out (with additionalProperties false, a validator then rejects them, as the operator of that version does),
 * and the marking keyword goes, so strict validators do not trip on an unknown keyword.
 */
export function pruneToVersion(schema: unknown, smcpVersion: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => pruneToVersion(item, smcpVersion));
  if (!schema || typeof schema !== 'object') return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === VERSIONS_KEYWORD) continue;
    if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object') {
      const children: Schema = {};
      for (const [name, child] of Object.entries(value as Schema)) {
        const versions = (child as Schema | null)?.[VERSIONS_KEYWORD];
        if (Array.isArray(versions) && !versions.includes(smcpVersion)) continue;
        children[name] = pruneToVersion(child, smcpVersion);
      }
      result[key] = children;
    } else if (SCHEMA_LISTS.includes(key) || SCHEMA_SINGLES.includes(key)) {
      result[key] = pruneToVersion(value, smcpVersion);
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * Every resource's schema under its kubeconform name, projected to `smcpVersion` (only the v2 control plane
 * has version-specific fields), plus the dispatch schema. Two resources that would share a name are refused
 * rather than one silently overwriting the other.
 */
export function exportSchemas(resources: readonly CatalogResource[], read: (schemaPath: string) => Schema, smcpVersion: string): ExportedFile[] {
  const files: ExportedFile[] = [];
  const owners = new Map<string, string>();
  for (const resource of resources) {
    const name = kubeconformName(resource.apiVersion, resource.kind);
    const owner = `${resource.apiVersion} ${resource.kind}`;
    const clash = owners.get(name);
    if (clash !== undefined) throw new Error(`${clash} and ${owner} would both be written as ${name}`);
    owners.set(name, owner);
    const content = pruneToVersion(read(resource.schema), smcpVersion) as Schema;
    // The bundled ids name this tool's internal scheme; without one, a validator resolves the file by its location.
    delete content.$id;
    files.push({ name, content });
  }
  files.push({ name: DISPATCH_FILE, content: dispatchSchema(resources, smcpVersion) });
  return files;
}

/** One schema for a whole file: each `---` document is checked against its kind's file, found by $ref. */
function dispatchSchema(resources: readonly CatalogResource[], smcpVersion: string): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `OpenShift Service Mesh and Istio resources (ServiceMeshControlPlane ${smcpVersion})`,
    type: 'object',
    allOf: resources.map((resource) => ({
      if: { properties: { apiVersion: { const: resource.apiVersion }, kind: { const: resource.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: kubeconformName(resource.apiVersion, resource.kind) },
    })),
  };
}
