import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, describe, it } from 'node:test';
import {
  CodeAction,
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  LogMessageNotification,
  LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';
import { FIXTURES_DIR, REPO_ROOT } from '../support/service';

/** A v2.0 control plane on Mixer: diagnostics and quick fixes to read. */
const SMCP = fs.readFileSync(path.join(FIXTURES_DIR, 'rules', 'smcp-mixer-policy-removed', 'invalid', 'mixer-type-and-block.yaml'), 'utf8');

/** A "translation" that marks every English string, written where the client would point the server. */
function writeMarkedBundle(): string {
  const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const marked = Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `«${value}»`]));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-l10n-')), 'bundle.l10n.qps-ploc.json');
  fs.writeFileSync(file, JSON.stringify(marked));
  return file;
}

async function start(initializationOptions: unknown): Promise<{ client: TestLspClient; logs: LogMessageParams[] }> {
  const client = new TestLspClient();
  const logs: LogMessageParams[] = [];
  client.connection.onNotification(LogMessageNotification.type, (params) => logs.push(params));
  await client.initialize({ initializationOptions });
  return { client, logs };
}

describe('the server in the editor\'s language', () => {
  const clients: TestLspClient[] = [];
  after(() => clients.forEach((c) => c.kill()));

  it('loads the bundle the client passes and translates diagnostics and quick-fix titles', async () => {
    const { client } = await start({ settings: { targetVersion: 'v2.6' }, l10nBundle: writeMarkedBundle() });
    clients.push(client);
    const uri = 'file:///workspace/translated.yaml';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: SMCP } });
    const { diagnostics } = await published;
    const mixer = diagnostics.find((d) => d.code === 'smcp-mixer-policy-removed');
    assert.ok(mixer, JSON.stringify(diagnostics));
    assert.match(mixer.message, /^«Mixer policy was removed in v2\.1.*»$/s);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: mixer.range,
      context: { diagnostics: [mixer] },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.title === '«Change policy.type to Istiod»'), JSON.stringify(actions.map((a) => a.title)));
  });

  it('stays in English and says why when the bundle cannot be read', async () => {
    const missing = path.join(os.tmpdir(), 'mesh-config-no-such-bundle.json');
    const { client, logs } = await start({ l10nBundle: missing });
    clients.push(client);
    const uri = 'file:///workspace/english.yaml';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: SMCP } });
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((d) => d.message.startsWith('Mixer policy was removed in v2.1')), JSON.stringify(diagnostics));
    assert.ok(logs.some((l) => l.message.includes('Could not load the translation bundle') && l.message.includes(missing)), JSON.stringify(logs));
  });
});
