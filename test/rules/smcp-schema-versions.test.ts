import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { SMCP_RULES } from '../../server/src/service/rules/smcp';
import { SMCP_VERSIONS_KEYWORD } from '../../server/src/service/schemas/projection';
import { TARGET_VERSION_NAMES } from '../../server/src/service/core/versions';
import { doc, SCHEMAS_DIR, settings, testService } from '../support/service';

type Schema = Record<string, unknown>;

interface VersionBoundField {
  /** Keys from the resource root; '[]' stands for a list item. */
  readonly path: readonly string[];
  readonly versions: readonly string[];
  readonly schema: Schema;
}

/** Every field the generated SMCP v2 schema marks as existing only in some versions. */
function versionBoundFields(schema: Schema, at: string[] = []): VersionBoundField[] {
  const found: VersionBoundField[] = [];
  const versions = schema[SMCP_VERSIONS_KEYWORD];
  if (Array.isArray(versions)) found.push({ path: at, versions: versions as string[], schema });
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    found.push(...versionBoundFields(child, [...at, name]));
  }
  if (schema.items && typeof schema.items === 'object') found.push(...versionBoundFields(schema.items as Schema, [...at, '[]']));
  return found;
}

function sampleValue(schema: Schema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === 'boolean') return true;
  if (schema.type === 'string') return 'example';
  if (schema.type === 'array') return [];
  return {};
}

/** A minimal object with the field set; list items get a name, which every list of named entries needs. */
function withField(field: VersionBoundField): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node: Record<string, unknown> = root;
  field.path.forEach((key, i) => {
    const last = i === field.path.length - 1;
    if (last) {
      node[key] = sampleValue(field.schema);
    } else if (field.path[i + 1] === '[]') {
      const item: Record<string, unknown> = { name: 'example' };
      node[key] = [item];
      node = item;
    } else if (key !== '[]') {
      node = (node[key] = {}) as Record<string, unknown>;
    }
  });
  return root;
}

const OWN_IDS = new Set(SMCP_RULES.map((r) => r.meta.id));

describe('version-bound SMCP fields in the schema', () => {
  const schemaFile = path.join(SCHEMAS_DIR, 'maistra.io', 'v2', 'ServiceMeshControlPlane.json');
  const fields = versionBoundFields(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Schema);

  it('the schema marks some fields', () => {
    assert.ok(fields.length > 0, `no ${SMCP_VERSIONS_KEYWORD} in ${schemaFile}`);
  });

  // Every field the schema says a version does not have must be reported on that version by some rule,
  // on the field itself or on the block that holds it.
  for (const field of fields) {
    const name = field.path.filter((k) => k !== '[]').join('.');
    it(`${name} is reported outside ${field.versions.join(', ')}`, () => {
      const keys = field.path.filter((k) => k !== '[]' && k !== 'spec');
      const missing: string[] = [];
      for (const version of TARGET_VERSION_NAMES.filter((v) => !field.versions.includes(v))) {
        const resource = withField(field) as { spec: Record<string, unknown> };
        const text = stringify({
          apiVersion: 'maistra.io/v2',
          kind: 'ServiceMeshControlPlane',
          metadata: { name: 'basic', namespace: 'istio-system' },
          spec: { version, ...resource.spec },
        });
        const lines = text.split('\n');
        const onField = testService()
          .diagnostics(doc(text), settings({ targetVersion: version }))
          .filter((d) => OWN_IDS.has(String(d.code)))
          .filter((d) => keys.some((k) => new RegExp(`^\\s*(- )?${k.replace(/\./g, '\\.')}:`).test(lines[d.range.start.line])));
        if (onField.length === 0) missing.push(`${version}:\n${text}`);
      }
      assert.deepEqual(missing, []);
    });
  }
});
