import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { WORKLOAD_RULES } from '../../server/src/service/rules/workload';
import { CORPUS_DIR as CORPUS, corpusFiles, MANIFEST, readManifest } from '../support/corpus';
import { SCHEMAS_DIR, settings } from '../support/service';


/**
 * What an expert wrote in MANIFEST.tsv (expected_lint_findings), mapped to
 * the workload rule that must report it. Keyed on the wording, never on file names.
 */
const EXPECTATIONS: readonly { pattern: RegExp; rule: string }[] = [
  { pattern: /unknown (?:istio )?annotation|unknown\/invalid istio annotations/i, rule: 'annotation-unknown' },
  { pattern: /\(must be int\)|null-valued (?:readiness )?annotation|annotation value must be a string/i, rule: 'annotation-invalid-value' },
  { pattern: /annotations? on wrong resource types?/i, rule: 'annotation-wrong-kind' },
  { pattern: /sidecar\.maistra\.io\/(?!proxyCPULimit|proxyMemoryLimit)\w+/i, rule: 'annotation-maistra-sidecar' },
  { pattern: /sidecar\.maistra\.io\/proxyCPULimit/i, rule: 'annotation-maistra-proxy-cpu-limit' },
  { pattern: /sidecar\.maistra\.io\/proxyMemoryLimit/i, rule: 'annotation-maistra-proxy-memory-limit' },
  { pattern: /pod annotation sidecar\.istio\.io\/inject/i, rule: 'annotation-inject' },
  { pattern: /both istio-injection and istio\.io\/rev/i, rule: 'namespace-injection-conflict' },
  { pattern: /`?maistra\.io\/`? label|managed-by[: ]+maistra-istio-operator/i, rule: 'operator-owned-metadata' },
];

describe('workload rules over the real-world corpus', () => {
  it('never throw on any corpus file', (t) => {
    if (!fs.existsSync(CORPUS)) return t.skip(`corpus not found at ${CORPUS}`);
    const ours = new Set(WORKLOAD_RULES.map((r) => r.meta.id));
    const failures: string[] = [];
    const service = createMeshLanguageService({
      schemas: folderSchemaSource(SCHEMAS_DIR),
      onRuleFailure: (ruleId, uri, error) => {
        if (ours.has(ruleId)) failures.push(`${ruleId} on ${uri}: ${String(error)}`);
      },
    });
    const files = corpusFiles();
    assert.ok(files.length > 100, `expected the corpus, found ${files.length} files`);
    for (const target of ['v2.0', 'v2.6']) {
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        service.diagnostics({ uri: `file://${file}`, version: 1, text }, settings({ targetVersion: target }));
      }
    }
    assert.deepEqual(failures, []);
  });

  it('report what MANIFEST.tsv expects about annotations and labels', (t) => {
    if (!fs.existsSync(MANIFEST)) return t.skip(`corpus manifest not found at ${MANIFEST}`);
    const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
    const missing: string[] = [];
    let checked = 0;
    for (const row of readManifest()) {
      const rules = EXPECTATIONS.filter((e) => e.pattern.test(row.expected)).map((e) => e.rule);
      if (rules.length === 0) continue;
      const file = path.join(CORPUS, row.file);
      assert.ok(fs.existsSync(file), `MANIFEST lists ${row.file}, which is not in the corpus`);
      const text = fs.readFileSync(file, 'utf8');
      const codes = new Set(service.diagnostics({ uri: `file://${file}`, version: 1, text }, settings()).map((d) => String(d.code)));
      for (const rule of rules) {
        checked++;
        if (!codes.has(rule)) missing.push(`${row.file}: expected ${rule} ("${row.expected.slice(0, 120)}")`);
      }
    }
    // The manifest names annotation problems in several files; finding none would mean the mapping broke.
    assert.ok(checked >= 5, `only ${checked} expectations derived from MANIFEST.tsv; has its wording changed?`);
    assert.deepEqual(missing, []);
  });
});
