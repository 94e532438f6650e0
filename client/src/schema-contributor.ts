import { isWholeFileMesh } from './mesh-documents';

/**
 * What Mesh Config registers with vscode-yaml's schema contributor API. Kept
 * free of `vscode` so the contract can be unit-tested.
 *
 * vscode-yaml asks every contributor for a schema URI for a file, then hands
 * that URI back to the contributor *whose registered name is the URI's
 * scheme* for the content. So the URI we answer with must use our name as its
 * scheme, or vscode-yaml finds no content and reports the schema as unloadable.
 */
export const CONTRIBUTOR_NAME = 'mesh-config';
export const SILENT_SCHEMA_URI = `${CONTRIBUTOR_NAME}://schemas/mesh-resources`;

export interface SchemaContributor {
  readonly name: string;
  requestSchema(resource: string): string | undefined;
  requestSchemaContent(uri: string): string;
}

/**
 * `textOf` returns the text of an open document by its URI string. Files made
 * only of mesh resources get a schema that accepts anything and describes
 * nothing, so vscode-yaml completes, hovers and validates nothing there and
 * Mesh Config's version-aware schemas are the only ones. Anything else gets no
 * answer and stays with whatever vscode-yaml was configured to use.
 */
export function meshSchemaContributor(textOf: (resource: string) => string | undefined, title: string): SchemaContributor {
  return {
    name: CONTRIBUTOR_NAME,
    requestSchema(resource) {
      const text = textOf(resource);
      return text !== undefined && isWholeFileMesh(text) ? SILENT_SCHEMA_URI : undefined;
    },
    requestSchemaContent() {
      return JSON.stringify({ title });
    },
  };
}
