/** The pure Mesh Config service: no editor, no LSP connection. */
export { createMeshLanguageService, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './language-service';
export type { MeshLanguageService, TextDocumentInput } from './language-service';
export { folderSchemaSource } from './schemas/catalog';
export { resolveSettings, defaultSettings } from './core/settings';
export type { MeshSettings, RawSettings } from './core/settings';
export { ALL_RULE_METAS } from './rules/registry';
export { ruleDocsUrl, DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { REPOSITORY_URL } from './features/diagnostics';
export type { RuleMeta } from './rules/types';
export type { PrecompiledValidators } from './schemas/validate';
export { TARGET_VERSION_NAMES } from './core/versions';
export { findTargetOverride } from './core/target';
export { versionNote } from './core/version-notes';
export { computeUpgradePlan, findControlPlanes } from './upgrade-plan/plan';
export type { PlanInput } from './upgrade-plan/plan';
export { planBehaviourChanges } from './upgrade-plan/behaviour';
export { renderPlanMarkdown } from './upgrade-plan/markdown';
export type { UpgradePlan } from './upgrade-plan/types';
