import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { SHARED_DIR } from '../support/service';
import { ALL_RULE_METAS, ruleDocsUrl } from '../../server/src/service';
import { copyFixture, runCli } from './helpers';

const SCHEMA = path.join(SHARED_DIR, 'reference', 'sarif', 'sarif-schema-2.1.0.json');

/**
 * The official schema is draft-04, which ajv 8 does not read; the SARIF
 * schema uses nothing draft-04 and draft-07 disagree on except the `id`
 * keyword, so renaming the top-level id is all it takes.
 */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value));
  ajv.addFormat('uri-reference', (value: string) => !/[\s<>"{}|\\^`]/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('mesh-config check --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', (t) => {
    if (!fs.existsSync(SCHEMA)) {
      t.skip(`SARIF schema not found at ${SCHEMA}`);
      return;
    }
    const validate = sarifValidator();
    const dir = copyFixture('project');
    // The third run has a path it cannot read: its notification must be valid SARIF too.
    for (const args of [['check', '.', '--format', 'sarif'], ['check', '-', '--format', 'sarif'], ['check', '.', 'missing.yaml', '--format', 'sarif']]) {
      const run = runCli(args, { cwd: dir, input: fs.readFileSync(path.join(dir, 'control-plane.yaml'), 'utf8') });
      const log = JSON.parse(run.stdout) as unknown;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    }
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false, 'the validator does reject broken logs');
  });

  it('lists every rule with its docs URL and gives code-scanning locations', () => {
    const dir = copyFixture('project');
    const log = JSON.parse(runCli(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
      }[];
    };
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ALL_RULE_METAS.map((m) => m.id));
    for (const rule of run.tool.driver.rules) assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
    assert.ok(run.results.length > 0);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const location = result.locations[0].physicalLocation.artifactLocation;
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(location.uri, /^(\/|file:|\.\.)/, 'repository-relative');
    }
  });
});
