import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import {
  DidOpenTextDocumentNotification,
  MessageType,
  ShowMessageNotification,
  ShowMessageParams,
  ShowMessageRequest,
} from 'vscode-languageserver-protocol/node';
import { resolveSettings } from '../../server/src/service/core/settings';
import { RULE_IDS } from '../../server/src/service/rules/registry';
import { TARGET_VERSION_NAMES } from '../../server/src/service/core/versions';
import { TestLspClient } from '../support/lsp-client';
import { doc, testService } from '../support/service';

const VALID_TARGETS = TARGET_VERSION_NAMES.join(', ');

describe('settings', () => {
  it('accepts every valid value without a message', () => {
    for (const targetVersion of TARGET_VERSION_NAMES) {
      const result = resolveSettings({ targetVersion, rules: { 'smcp-mixer-policy-removed': 'info', 'yaml-syntax': 'off' }, maxFileSizeKB: 10 }, RULE_IDS);
      assert.deepEqual(result.problems, []);
      assert.equal(result.settings.targetVersion.name, targetVersion);
      assert.deepEqual(result.settings.rules, { 'smcp-mixer-policy-removed': 'info', 'yaml-syntax': 'off' });
      assert.equal(result.settings.maxFileSizeKB, 10);
    }
  });

  it('treats missing and empty settings as defaults, silently', () => {
    for (const raw of [undefined, {}, { targetVersion: null, rules: null, maxFileSizeKB: null }, { targetVersion: '' }]) {
      const result = resolveSettings(raw, RULE_IDS);
      assert.deepEqual(result.problems, []);
      assert.equal(result.settings.targetVersion.name, 'v2.6');
      assert.deepEqual(result.settings.rules, {});
      assert.equal(result.settings.maxFileSizeKB, 4096);
    }
  });

  it('names the setting and the valid versions for an invalid target, and uses the default', () => {
    for (const targetVersion of ['v9.9', 'v2.7', 'v1.1', 'latest', 'v2', 24, 2.4, true, {}, ['v2.4']]) {
      const result = resolveSettings({ targetVersion }, RULE_IDS);
      assert.equal(result.settings.targetVersion.name, 'v2.6', JSON.stringify(targetVersion));
      assert.deepEqual(result.problems, [
        `meshConfig.targetVersion ${JSON.stringify(targetVersion)} is not valid; use one of ${VALID_TARGETS}. Using v2.6.`,
      ]);
    }
  });

  it('suggests the intended version when a valid one is spelled loosely', () => {
    for (const [raw, meant] of [['2.4', 'v2.4'], ['V2.5', 'v2.5'], ['v2.3.1', 'v2.3'], [' v2.1 ', 'v2.1']]) {
      const result = resolveSettings({ targetVersion: raw }, RULE_IDS);
      assert.equal(result.settings.targetVersion.name, 'v2.6');
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0], new RegExp(`^meshConfig\\.targetVersion "${raw.replace(/\./g, '\\.')}" is not valid \\(did you mean "${meant}"\\?\\); use one of`));
    }
  });

  it('names the rule setting and the valid severities for an invalid severity, and keeps the rule default', () => {
    const result = resolveSettings({ rules: { 'smcp-mixer-policy-removed': 'loud', 'yaml-syntax': 3, 'file-too-large': 'Warning' } }, RULE_IDS);
    assert.deepEqual(result.settings.rules, {});
    assert.deepEqual(result.problems, [
      `meshConfig.rules["smcp-mixer-policy-removed"] is "loud"; use "off", "error", "warning" or "info". Using the rule's default.`,
      `meshConfig.rules["yaml-syntax"] is 3; use "off", "error", "warning" or "info". Using the rule's default.`,
      `meshConfig.rules["file-too-large"] is "Warning" (did you mean "warning"?); use "off", "error", "warning" or "info". Using the rule's default.`,
    ]);
  });

  it('reports unknown rule ids, with the closest real id when there is one, and ignores them', () => {
    const result = resolveSettings({ rules: { 'smcp-mixer-policy-removd': 'off', 'no-such-rule': 'off', 'yaml-syntax': 'info' } }, RULE_IDS);
    assert.deepEqual(result.settings.rules, { 'yaml-syntax': 'info' });
    assert.deepEqual(result.problems, [
      'meshConfig.rules names an unknown rule "smcp-mixer-policy-removd" (did you mean "smcp-mixer-policy-removed"?); rule ids are the diagnostic codes listed in docs/rules.md. Ignoring it.',
      'meshConfig.rules names an unknown rule "no-such-rule"; rule ids are the diagnostic codes listed in docs/rules.md. Ignoring it.',
    ]);
  });

  it('rejects a rules setting that is not an object, and a bad size limit', () => {
    for (const rules of ['off', ['yaml-syntax'], 5]) {
      const result = resolveSettings({ rules }, RULE_IDS);
      assert.deepEqual(result.settings.rules, {});
      assert.deepEqual(result.problems, ['meshConfig.rules must be an object mapping rule ids to "off", "error", "warning" or "info"; ignoring it.']);
    }
    for (const maxFileSizeKB of [0, -1, Number.NaN, '4096', Infinity]) {
      const result = resolveSettings({ maxFileSizeKB }, RULE_IDS);
      assert.equal(result.settings.maxFileSizeKB, 4096);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0], /^meshConfig\.maxFileSizeKB .* is not a positive number; using 4096\.$/);
    }
  });

  it('the service checks rule ids against its registry', () => {
    const { problems } = testService().resolveSettings({ rules: { 'not-a-rule': 'off', 'smcp-mixer-policy-removed': 'off' } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /unknown rule "not-a-rule"/);
  });

  it('analyses with the defaults when the settings are invalid', () => {
    const service = testService();
    const smcp = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  policy:\n    type: Mixer\n';
    const { settings } = service.resolveSettings({ targetVersion: 'v9.9', rules: { 'smcp-mixer-policy-removed': 'loud' } });
    const mixer = service.diagnostics(doc(smcp), settings).find((d) => d.code === 'smcp-mixer-policy-removed');
    assert.equal(mixer?.severity, 1, 'the rule runs for v2.6 at its default severity (error)');
  });
});

describe('settings problems over the protocol', () => {
  let client: TestLspClient;
  const shown: ShowMessageParams[] = [];

  before(async () => {
    client = new TestLspClient();
    client.connection.onNotification(ShowMessageNotification.type, (params) => shown.push(params));
    client.connection.onRequest(ShowMessageRequest.type, (params) => (shown.push(params), null));
    await client.initialize({ initializationOptions: { settings: { targetVersion: 'v9.9', rules: { 'no-such-rule': 'off', 'smcp-mixer-policy-removed': 'loud' } } } });
  });

  after(() => client.kill());

  it('shows one message naming each bad setting, once, however many documents open', async () => {
    const smcp = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  policy:\n    type: Mixer\n';
    for (const name of ['a', 'b', 'c']) {
      const uri = `file:///workspace/${name}.yaml`;
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: smcp },
      });
      const { diagnostics } = await published;
      // The defaults are in force: v2.6 target, the rule at its own severity.
      assert.equal(diagnostics.find((d) => d.code === 'smcp-mixer-policy-removed')?.severity, 1);
    }
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].type, MessageType.Warning);
    assert.match(shown[0].message, /meshConfig\.targetVersion "v9\.9" is not valid; use one of v2\.0, v2\.1, v2\.2, v2\.3, v2\.4, v2\.5, v2\.6\. Using v2\.6\./);
    assert.match(shown[0].message, /meshConfig\.rules names an unknown rule "no-such-rule"/);
    assert.match(shown[0].message, /meshConfig\.rules\["smcp-mixer-policy-removed"\] is "loud"; use "off", "error", "warning" or "info"/);
  });
});
