/** The pure Mesh Config service: no editor, no LSP connection. */
export { createMeshLanguageService, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './language-service';
export type { MeshLanguageService, TextDocumentInput } from './language-service';
export { folderSchemaSource } from './schemas/catalog';
export { resolveSettings, defaultSettings } from './settings';
export type { MeshSettings, RawSettings } from './settings';
export { ALL_RULE_METAS } from './rules/registry';
export { ruleDocsUrl, DIAGNOSTIC_SOURCE } from './diagnostics';
