import * as fs from 'fs';
import * as path from 'path';

/** Shape of `schemas/catalog.json` (written by scripts/gen-schemas.mjs). */
interface CatalogFile {
  resources: { apiVersion: string; kind: string; schema: string }[];
  legacy: { apiVersion: string; kind: string }[];
}

export interface CatalogEntry {
  readonly apiVersion: string;
  readonly kind: string;
  /** Path of the schema file, relative to the schemas folder. */
  readonly schemaPath: string;
}

export type JsonSchema = Record<string, unknown>;

/** Where schema files come from; the CLI and server read the bundled folder. */
export interface SchemaSource {
  read(relativePath: string): string;
}

export function folderSchemaSource(folder: string): SchemaSource {
  return { read: (relativePath) => fs.readFileSync(path.join(folder, relativePath), 'utf8') };
}

const MESH_GROUP_SUFFIXES = ['istio.io', 'maistra.io'];

/** Groups this product owns: Istio's and Maistra's. */
export function isMeshGroup(group: string | undefined): boolean {
  if (!group) return false;
  return MESH_GROUP_SUFFIXES.some((suffix) => group === suffix || group.endsWith('.' + suffix));
}

/**
 * The kinds we know, by apiVersion and kind. Schemas are read lazily, once,
 * when a document of that kind is first seen.
 */
export class SchemaCatalog {
  private readonly byKey = new Map<string, CatalogEntry>();
  private readonly legacy: { apiVersion: RegExp; kind: RegExp }[];
  private readonly schemas = new Map<string, JsonSchema>();
  readonly entries: readonly CatalogEntry[];

  constructor(private readonly source: SchemaSource) {
    const file = JSON.parse(source.read('catalog.json')) as CatalogFile;
    this.entries = file.resources.map((r) => ({ apiVersion: r.apiVersion, kind: r.kind, schemaPath: r.schema }));
    for (const entry of this.entries) this.byKey.set(key(entry.apiVersion, entry.kind), entry);
    this.legacy = file.legacy.map((l) => ({ apiVersion: wildcard(l.apiVersion), kind: wildcard(l.kind) }));
  }

  lookup(apiVersion: string | undefined, kind: string | undefined): CatalogEntry | undefined {
    if (!apiVersion || !kind) return undefined;
    return this.byKey.get(key(apiVersion, kind));
  }

  isLegacy(apiVersion: string | undefined, kind: string | undefined): boolean {
    if (!apiVersion || !kind) return false;
    return this.legacy.some((l) => l.apiVersion.test(apiVersion) && l.kind.test(kind));
  }

  /** Every apiVersion a kind is known under (for "did you mean" and completion). */
  apiVersionsOf(kind: string): string[] {
    return this.entries.filter((e) => e.kind === kind).map((e) => e.apiVersion);
  }

  schema(entry: CatalogEntry): JsonSchema {
    let schema = this.schemas.get(entry.schemaPath);
    if (!schema) {
      schema = JSON.parse(this.source.read(entry.schemaPath)) as JsonSchema;
      this.schemas.set(entry.schemaPath, schema);
    }
    return schema;
  }
}

function key(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^|]*');
  return new RegExp(`^${escaped}$`);
}
