import type { JsonSchema, SchemaCatalog } from './catalog';
import { projectSchema } from './projection';
import * as l10n from '@vscode/l10n';

/**
 * One JSON Schema that covers every kind in the catalog, choosing the kind's
 * schema with if/then on apiVersion and kind. Tools that associate a single
 * schema with a whole file (yaml-language-server's own settings, vscode-yaml's
 * schema contributor API) validate each `---` document against it separately,
 * so each document still gets the schema of its own kind.
 */
export function buildDispatchSchema(catalog: SchemaCatalog): JsonSchema {
  const branches = catalog.entries.map((entry) => {
    const schema = projectSchema(catalog.schema(entry), undefined);
    delete schema.$id;
    delete schema.$schema;
    return {
      if: {
        properties: { apiVersion: { const: entry.apiVersion }, kind: { const: entry.kind } },
        required: ['apiVersion', 'kind'],
      },
      then: schema,
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('OpenShift Service Mesh and Istio resources'),
    type: 'object',
    allOf: branches,
  };
}
