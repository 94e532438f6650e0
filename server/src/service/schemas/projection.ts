import * as l10n from '@vscode/l10n';
import type { JsonSchema } from './catalog';

/** Keyword the generator puts on SMCP v2 fields that exist only in some versions. */
export const SMCP_VERSIONS_KEYWORD = 'x-smcp-versions';

const CHILD_MAPS = ['properties', 'patternProperties', 'definitions'] as const;
const CHILD_ARRAYS = ['anyOf', 'oneOf', 'allOf'] as const;
const CHILD_SINGLES = ['items', 'additionalProperties', 'not'] as const;

/**
 * A copy of a schema prepared for the editor: fields that do not exist in
 * `smcpVersion` are removed (so completion never offers them), and every
 * field gets a Markdown description with its type, allowed values, default
 * and the SMCP versions that have it.
 */
export function projectSchema(schema: JsonSchema, smcpVersion: string | undefined): JsonSchema {
  return visit(schema, smcpVersion, true) as JsonSchema;
}

/**
 * A copy of a schema for one control-plane version, for other tools: the
 * fields of other versions are removed (with additionalProperties false, a
 * validator then rejects them, as that version's operator does) and the
 * version keyword goes, with no editor text added.
 */
export function schemaForVersion(schema: JsonSchema, smcpVersion: string): JsonSchema {
  return visit(schema, smcpVersion, false) as JsonSchema;
}

function visit(node: unknown, smcpVersion: string | undefined, describeFields: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => visit(n, smcpVersion, describeFields));
  if (!node || typeof node !== 'object') return node;
  const source = node as JsonSchema;
  const result: JsonSchema = {};
  for (const [k, v] of Object.entries(source)) {
    if ((CHILD_MAPS as readonly string[]).includes(k) && v && typeof v === 'object') {
      const children: JsonSchema = {};
      for (const [name, child] of Object.entries(v as JsonSchema)) {
        if (!existsIn(child, smcpVersion)) continue;
        children[name] = visit(child, smcpVersion, describeFields);
      }
      result[k] = children;
    } else if ((CHILD_ARRAYS as readonly string[]).includes(k) || (CHILD_SINGLES as readonly string[]).includes(k)) {
      result[k] = visit(v, smcpVersion, describeFields);
    } else {
      result[k] = v;
    }
  }
  const markdown = describeFields ? describe(source) : undefined;
  if (markdown) {
    result.markdownDescription = markdown;
    // The Markdown text opens with the description; keeping both would double what editors parse and resolve.
    delete result.description;
  }
  delete result[SMCP_VERSIONS_KEYWORD];
  return result;
}

function existsIn(schema: unknown, smcpVersion: string | undefined): boolean {
  if (!smcpVersion || !schema || typeof schema !== 'object') return true;
  const versions = (schema as JsonSchema)[SMCP_VERSIONS_KEYWORD];
  return !Array.isArray(versions) || versions.includes(smcpVersion);
}

/** Hover text for one field, in Markdown. */
export function describe(schema: JsonSchema): string | undefined {
  const parts: string[] = [];
  if (typeof schema.description === 'string') parts.push(schema.description);
  const facts: string[] = [];
  const type = typeName(schema);
  if (type) facts.push(l10n.t('**Type:** {0}', type));
  if (Array.isArray(schema.enum)) facts.push(l10n.t('**Allowed values:** {0}', schema.enum.map((v) => code(v)).join(', ')));
  if (schema.default !== undefined) facts.push(l10n.t('**Default:** {0}', code(schema.default)));
  const versions = schema[SMCP_VERSIONS_KEYWORD];
  if (Array.isArray(versions) && versions.length > 0) facts.push(l10n.t('**SMCP versions:** {0}', versionSpan(versions as string[])));
  if (facts.length === 0 && parts.length === 0) return undefined;
  if (facts.length > 0) parts.push(facts.join('  \n'));
  return parts.join('\n\n');
}

function typeName(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type === 'array' && isObject(schema.items) ? arrayOf(schema.items as JsonSchema) : type;
  if (Array.isArray(type)) return type.join(' or ');
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.every((a) => typeof a?.type === 'string' && !a.properties)) {
    return alternatives.map((a) => a.type as string).join(' or ');
  }
  return undefined;
}

function arrayOf(items: JsonSchema): string {
  const inner = typeof items.type === 'string' ? items.type : 'item';
  return l10n.t('array of {0}', inner);
}

function isObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function code(value: unknown): string {
  return '`' + (typeof value === 'string' ? value : JSON.stringify(value)) + '`';
}

/** `v2.4 – v2.6` for a contiguous list, otherwise the list itself. */
export function versionSpan(versions: readonly string[]): string {
  if (versions.length === 1) return versions[0];
  return `${versions[0]} – ${versions[versions.length - 1]}`;
}
