import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import {
  CompletionList,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  MarkupContent,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';

const SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
  namespace: istio-system
spec:
  version: v2.0
  policy:
    type: Mixer
  tracing:
    sampling: 500
`;

describe('the bundled server over stdio', () => {
  let client: TestLspClient;
  const uri = 'file:///workspace/smcp.yaml';

  before(async () => {
    client = new TestLspClient();
    const result = await client.initialize();
    assert.ok(result.capabilities.hoverProvider);
    assert.ok(result.capabilities.completionProvider);
  });

  after(() => client.kill());

  it('publishes rule diagnostics on open', async () => {
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: SMCP },
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    const mixer = diagnostics.find((d) => d.code === 'smcp-mixer-policy-removed');
    assert.ok(mixer, JSON.stringify(diagnostics));
    assert.equal(mixer.source, 'mesh-config');
    assert.deepEqual(mixer.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 15 } });
  });

  it('re-publishes after an incremental change that fixes the problem', async () => {
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 10 }, end: { line: 8, character: 15 } }, text: 'Istiod' }],
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 2);
    assert.equal(diagnostics.filter((d) => d.code === 'smcp-mixer-policy-removed').length, 0);
  });

  it('answers hover with the sampling percentage', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 10, character: 6 },
    });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /5 %/);
  });

  it('completes spec.version values newest first', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 6, character: 11 }, end: { line: 6, character: 15 } }, text: '' }],
    });
    const result = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 11 },
    })) as CompletionList;
    assert.deepEqual(result.items.slice(0, 3).map((i) => i.label), ['v2.6', 'v2.5', 'v2.4']);
  });

  it('shuts down and exits cleanly', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    const exited = client.exited();
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });
});
