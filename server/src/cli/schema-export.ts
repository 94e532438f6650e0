/**
 * The bundled JSON Schemas as other tools read them: one file per kind and version, named as kubeconform's
 * `{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json` schema location expects, and one schema for vscode-yaml's
 * `yaml.schemas` that picks the kind's file by apiVersion and kind. Pure: the command writes the files.
 */

import { schemaForVersion } from '../service';

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


/** kubeconform lowercases the kind and takes the version without its group: `servicemeshcontrolplane_v2.json`. */
export function kubeconformName(apiVersion: string, kind: string): string {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return `${kind.toLowerCase()}_${version.toLowerCase()}.json`;
}

/** A copy of `schema` for one control-plane version (the service's own version projection, without editor text). */
export function pruneToVersion(schema: unknown, smcpVersion: string): unknown {
  return schemaForVersion(schema as Record<string, unknown>, smcpVersion);
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
