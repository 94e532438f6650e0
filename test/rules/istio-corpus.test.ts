import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { ISTIO_RULES } from '../../server/src/service/rules/istio';
import { DEPRECATED_FILTER_NAMES } from '../../server/src/service/rules/istio/support/envoy-filter-names.generated';
import { CORPUS_DIR as CORPUS, MANIFEST, ManifestRow, readManifest } from '../support/corpus';
import { SCHEMAS_DIR, settings } from '../support/service';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const deprecatedName = new RegExp(`(?:^|[^\\w.])(?:${DEPRECATED_FILTER_NAMES.map((e) => escape(e.deprecated)).join('|')})(?![\\w.])`);

/**
 * What an expert wrote in the MANIFEST, mapped to the rule that must report it.
 * `kinds` lists each document's kind and apiVersion; `expected` is free text
 * tagged DEPR/BLOCK/ERR/WARN/INFO/CLEAN.
 */
const EXPECTATIONS: { rule: string; applies(row: ManifestRow, upgradeTagged: boolean): boolean }[] = [
  {
    rule: 'legacy-api-removed',
    applies: (row, tagged) => tagged && /\((?:authentication|rbac|config)\.istio\.io\/|\((?:authentication|rbac)\.maistra\.io\//.test(row.kinds),
  },
  { rule: 'service-mesh-extension-removed', applies: (row, tagged) => tagged && /ServiceMeshExtension \(maistra\.io\//.test(row.kinds) },
  { rule: 'envoy-filter-deprecated-name', applies: (row, tagged) => tagged && /EnvoyFilter/.test(row.kinds) && deprecatedName.test(row.expected) },
  {
    rule: 'envoy-filter-xds-v2',
    applies: (row, tagged) => tagged && /EnvoyFilter/.test(row.kinds) && /envoy\.[\w.]*\.v2(?:alpha\d*)?\.[A-Za-z]/.test(row.expected),
  },
  { rule: 'envoy-filter-untyped-config', applies: (row, tagged) => tagged && /EnvoyFilter/.test(row.kinds) && /\buntyped\b/.test(row.expected) },
  { rule: 'envoy-filter-removed-field', applies: (row, tagged) => tagged && /EnvoyFilter/.test(row.kinds) && /\bworkloadLabels\b/.test(row.expected) },
  // The kinds column states each document's apiVersion, whatever the row's tag.
  {
    rule: 'api-version-not-served',
    applies: (row) => /\((?:networking|telemetry)\.istio\.io\/v1\)|PeerAuthentication \(security\.istio\.io\/v1\)/.test(row.kinds),
  },
];

describe('Istio rules over the real-world corpus', () => {
  it('no Istio rule throws on any file, at any target', (t) => {
    if (!fs.existsSync(CORPUS)) return t.skip(`corpus not found at ${CORPUS}`);
    const failures: string[] = [];
    const service = createMeshLanguageService({
      schemas: folderSchemaSource(SCHEMAS_DIR),
      onRuleFailure: (ruleId, uri, error) => failures.push(`${ruleId} on ${uri}: ${String(error)}`),
    });
    const files = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length > 100, `expected the corpus, found ${files.length} files`);
    const ours = new Set(ISTIO_RULES.map((r) => r.meta.id));
    let reported = 0;
    for (const target of ['v2.0', 'v2.2', 'v2.6']) {
      for (const file of files) {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const diagnostics = service.diagnostics({ uri: `file:///corpus/${file}`, version: 1, text }, settings({ targetVersion: target }));
        reported += diagnostics.filter((d) => ours.has(String(d.code))).length;
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(reported > 0, 'the Istio rules reported nothing on the whole corpus');
  });

  it('reports what the MANIFEST expects for removed APIs, EnvoyFilters, ServiceMeshExtension and apiVersions', (t) => {
    if (!fs.existsSync(MANIFEST)) return t.skip(`corpus manifest not found at ${MANIFEST}`);
    const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
    const missing: string[] = [];
    const checked = new Map<string, number>();
    for (const row of readManifest()) {
      const tagged = /\b(?:DEPR|BLOCK)\b/.test(row.expected);
      const rules = EXPECTATIONS.filter((e) => e.applies(row, tagged)).map((e) => e.rule);
      if (rules.length === 0) continue;
      const text = fs.readFileSync(path.join(CORPUS, row.file), 'utf8');
      const codes = new Set(service.diagnostics({ uri: `file:///corpus/${row.file}`, version: 1, text }, settings()).map((d) => String(d.code)));
      for (const rule of rules) {
        checked.set(rule, (checked.get(rule) ?? 0) + 1);
        if (!codes.has(rule)) missing.push(`${row.file}: expected ${rule} (MANIFEST: ${row.expected.slice(0, 120)})`);
      }
    }
    t.diagnostic(`rows checked per rule: ${JSON.stringify(Object.fromEntries(checked))}`);
    assert.deepEqual(missing, []);
    // Every mapping must have matched some rows, or the test proves nothing for it.
    for (const { rule } of EXPECTATIONS) assert.ok((checked.get(rule) ?? 0) > 0, `no MANIFEST row maps to ${rule}`);
  });
});
