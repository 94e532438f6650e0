import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import {
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CodeActionResolveRequest,
  Diagnostic,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';

const TEXT = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
  namespace: istio-system
spec:
  version: v2.0
  policy:
    type: Mixer
    mixer:
      enableChecks: true
---
apiVersion: maistra.io/v1
kind: ServiceMeshExtension
metadata:
  name: header-append
  namespace: istio-system
spec:
  image: quay.io/example/header-append:1.0
  phase: PreStats
`;

describe('textDocument/codeAction over stdio', () => {
  let client: TestLspClient;
  let diagnostics: Diagnostic[] = [];
  const uri = 'file:///workspace/mesh.yaml';

  before(async () => {
    client = new TestLspClient();
    const result = await client.initialize();
    const kinds = (result.capabilities.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds ?? [];
    assert.ok(kinds.includes(CodeActionKind.RefactorRewrite), JSON.stringify(kinds));
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
    diagnostics = (await published).diagnostics;
  });

  after(() => client.kill());

  async function request(line: number, only?: string[], withDiagnostics = diagnostics): Promise<CodeAction[]> {
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: withDiagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []) as CodeAction[];
  }

  it('returns the quick fixes of a diagnostic with the quickfix kind', async () => {
    const mixer = diagnostics.filter((d) => d.code === 'smcp-mixer-policy-removed');
    assert.equal(mixer.length, 2, JSON.stringify(diagnostics));
    const actions = await request(8, undefined, [mixer[0]]);
    const fix = actions.find((a) => a.title === 'Change policy.type to Istiod');
    assert.equal(fix?.kind, CodeActionKind.QuickFix);
    assert.equal(fix?.isPreferred, true);
    assert.ok(fix?.edit?.changes?.[uri]);
    assert.ok(actions.some((a) => a.title === "Fix all 'smcp-mixer-policy-removed' problems in this file" && a.kind === CodeActionKind.QuickFix));
    assert.ok(actions.every((a) => a.kind !== 'source.fixAll.meshConfig'));
  });

  it('returns source.fixAll.meshConfig when context.only asks for it', async () => {
    const actions = await request(0, ['source.fixAll.meshConfig']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.meshConfig']);
    const edits = actions[0].edit?.changes?.[uri] ?? [];
    assert.ok(edits.some((e) => e.newText.includes('Istiod')), JSON.stringify(edits));
  });

  it('returns the WasmPlugin conversion as refactor.rewrite on a ServiceMeshExtension', async () => {
    const actions = await request(15, [CodeActionKind.Refactor], []);
    const convert = actions.find((a) => a.kind === CodeActionKind.RefactorRewrite);
    assert.equal(convert?.title, 'Convert to a WasmPlugin (extensions.istio.io/v1alpha1)');
    const newText = convert?.edit?.changes?.[uri]?.[0]?.newText ?? '';
    assert.match(newText, /kind: WasmPlugin\n/);
    assert.match(newText, /phase: STATS\n/);
  });

  describe('with a client that resolves code actions', () => {
    let resolving: TestLspClient;
    const lazyUri = 'file:///workspace/lazy.yaml';
    let lazyDiagnostics: Diagnostic[] = [];

    before(async () => {
      resolving = new TestLspClient();
      const result = await resolving.initialize({ capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
      assert.equal((result.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const published = resolving.nextDiagnostics(lazyUri);
      await resolving.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: lazyUri, languageId: 'yaml', version: 1, text: TEXT } });
      lazyDiagnostics = (await published).diagnostics;
    });

    after(() => resolving.kill());

    it('sends the per-rule fix-all without its edit and fills it in on codeAction/resolve', async () => {
      const mixer = lazyDiagnostics.filter((d) => d.code === 'smcp-mixer-policy-removed');
      const actions = (await resolving.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: lazyUri },
        range: mixer[0].range,
        context: { diagnostics: [mixer[0]] },
      })) as CodeAction[];
      const perRule = actions.find((a) => a.title === "Fix all 'smcp-mixer-policy-removed' problems in this file");
      assert.ok(perRule && !perRule.edit, JSON.stringify(perRule));
      const resolved = await resolving.connection.sendRequest(CodeActionResolveRequest.type, perRule);
      const edits = resolved.edit?.changes?.[lazyUri] ?? [];
      // `type: Mixer` becomes Istiod and the mixer block goes: one minimal edit from the value to the block's end.
      assert.deepEqual(edits, [{ range: { start: { line: 8, character: 10 }, end: { line: 10, character: 24 } }, newText: 'Istiod' }]);
    });
  });
});
