import type { MeshRule, Rule, RuleMeta } from './types';
import { SCHEMA_RULE_METAS } from './schema-rules';
import { ENGINE_RULE_METAS } from './engine-rules';
import { SMCP_RULES } from './smcp';
import { WORKLOAD_RULES } from './workload';
import { ISTIO_RULES } from './istio';
import { MESH_RULES } from './mesh';

/**
 * Every rule the product has. Each family keeps its own list (smcp/, workload/,
 * istio/); adding a rule means adding its module, one line in that list,
 * fixtures under test/fixtures/rules/<id>/ and docs/rules/<id>.md.
 */
export const RULES: readonly Rule[] = [...SMCP_RULES, ...WORKLOAD_RULES, ...ISTIO_RULES];

/** Rules over the mesh model (several resources, several files); mesh/. */
export { MESH_RULES };

/** Rule metadata for everything that can appear as a diagnostic code. */
export const ALL_RULE_METAS: readonly RuleMeta[] = [
  ...SCHEMA_RULE_METAS,
  ...ENGINE_RULE_METAS,
  ...RULES.map((r) => r.meta),
  ...MESH_RULES.map((r) => r.meta),
];

export const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULE_METAS.map((m) => m.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULE_METAS.find((m) => m.id === id);
}

export function meshRuleById(id: string): MeshRule | undefined {
  return MESH_RULES.find((r) => r.meta.id === id);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
