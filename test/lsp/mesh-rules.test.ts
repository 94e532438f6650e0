import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { DidCloseTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';

const smcp = (name: string) => `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: ${name}
  namespace: istio-system
spec:
  version: v2.6
`;

/** Rules across files, over LSP: one document's findings follow what the other open documents say. */
describe('mesh rules in the server', () => {
  let client: TestLspClient;
  const basic = 'file:///workspace/basic.yaml';
  const production = 'file:///workspace/production.yaml';
  const conflicts = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'smcp-namespace-conflict');

  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });

  after(() => client.kill());

  it('reports nothing while one control plane is open', async () => {
    const published = client.nextDiagnostics(basic);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: basic, languageId: 'yaml', version: 1, text: smcp('basic') } });
    assert.deepEqual(conflicts((await published).diagnostics), []);
  });

  it('reports on both documents, each pointing at the other, once a second one opens in the same namespace', async () => {
    const onBasic = client.nextDiagnostics(basic);
    const onProduction = client.nextDiagnostics(production);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: production, languageId: 'yaml', version: 1, text: smcp('production') },
    });
    const [inProduction] = conflicts((await onProduction).diagnostics) as { range: unknown; relatedInformation?: { location: { uri: string; range: unknown } }[] }[];
    assert.ok(inProduction, 'the newly opened document reports the conflict');
    assert.deepEqual(inProduction.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
    assert.deepEqual(inProduction.relatedInformation?.map((r) => r.location), [
      { uri: basic, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } } },
    ]);
    assert.equal(conflicts((await onBasic).diagnostics).length, 1, 'the document already open is analysed again');
  });

  it('clears the other document once one of them closes', async () => {
    const onBasic = client.nextDiagnostics(basic);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: production } });
    assert.deepEqual(conflicts((await onBasic).diagnostics), []);
  });
});
