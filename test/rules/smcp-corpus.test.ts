import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { CORPUS_DIR as CORPUS, MANIFEST, ManifestRow, readManifest } from '../support/corpus';
import { SCHEMAS_DIR, settings } from '../support/service';

/** The text of the BLOCK-tagged parts of an expected_lint_findings cell ("DEPR/BLOCK: …", "BLOCK: …"). */
function blockText(expected: string): string {
  const tag = /(?:^|[.;]\s+|\s)((?:[A-Z]+\/)*[A-Z]{3,}(?:\/[A-Z]+)*(?:-ish)?(?:\([^)]*\))?):\s/g;
  const marks = [...expected.matchAll(tag)].map((m) => ({ tag: m[1], at: m.index ?? 0, start: (m.index ?? 0) + m[0].length }));
  return marks
    .map((mark, i) => ({ tag: mark.tag, text: expected.slice(mark.start, marks[i + 1]?.at ?? expected.length) }))
    .filter((part) => part.tag.split('/').includes('BLOCK'))
    .map((part) => part.text)
    .join(' ');
}


/**
 * The rules an expert's BLOCK note points at, from its wording. A `maistra.io/v1`
 * control plane carries Mixer and 3scale as Helm values, which the v1 rule reports.
 */
function expectedRules(row: ManifestRow, text: string): { rule: string; mentions?: RegExp }[] {
  const v1 = /ServiceMeshControlPlane \(maistra\.io\/v1\b/.test(row.kinds);
  const wanted: { rule: string; mentions?: RegExp }[] = [];
  const mixer = /\bMixer\b|\bmixer\b/.test(text);
  const threeScale = /3scale|threeScale/i.test(text);
  if (v1) {
    wanted.push({ rule: 'smcp-v1-resource' });
    if (mixer) wanted.push({ rule: 'smcp-v1-resource', mentions: /Mixer/ });
    if (threeScale) wanted.push({ rule: 'smcp-v1-resource', mentions: /3scale/ });
    return wanted;
  }
  if (/policy\.type\s*=\s*Mixer|policy\.mixer/.test(text)) wanted.push({ rule: 'smcp-mixer-policy-removed' });
  if (/telemetry\.type\s*=\s*Mixer|telemetry\.mixer/.test(text)) wanted.push({ rule: 'smcp-mixer-telemetry-removed' });
  if (threeScale) wanted.push({ rule: 'smcp-3scale-removed' });
  if (/\bversion\b/.test(text)) wanted.push({ rule: 'smcp-version' });
  if (/spec\.mode\b|controlPlaneMode|\bmode\b/.test(text)) wanted.push({ rule: 'smcp-mode-version' });
  return wanted;
}

describe('SMCP rules over the real-world corpus', () => {
  it('never throw, and report every BLOCK note about Mixer, 3scale, version or mode', (t) => {
    if (!fs.existsSync(MANIFEST)) return t.skip(`corpus not found at ${CORPUS}`);
    const failures: string[] = [];
    const service = createMeshLanguageService({
      schemas: folderSchemaSource(SCHEMAS_DIR),
      onRuleFailure: (ruleId, uri, error) => failures.push(`${ruleId} on ${uri}: ${String(error)}`),
    });
    const rows = readManifest();
    assert.ok(rows.length > 100, `expected the corpus manifest, found ${rows.length} rows`);
    const missing: string[] = [];
    let checked = 0;
    for (const row of rows) {
      const file = path.join(CORPUS, row.file);
      if (!fs.existsSync(file)) continue;
      const diagnostics = service.diagnostics({ uri: `file://${file}`, version: 1, text: fs.readFileSync(file, 'utf8') }, settings());
      if (!row.kinds.includes('ServiceMeshControlPlane')) continue;
      const text = blockText(row.expected);
      if (!/Mixer|mixer|3scale|threeScale|version|mode/.test(text)) continue;
      for (const { rule, mentions } of expectedRules(row, text)) {
        checked++;
        const found = diagnostics.some((d) => d.code === rule && (!mentions || mentions.test(d.message)));
        if (!found) missing.push(`${row.file}: expected ${rule}${mentions ? ` mentioning ${mentions}` : ''} for "${text.slice(0, 120)}"`);
      }
    }
    assert.deepEqual(failures, [], 'no rule may throw on a corpus file');
    assert.ok(checked >= 5, `expected several BLOCK notes about SMCPs, checked ${checked}`);
    assert.deepEqual(missing, []);
  });
});
