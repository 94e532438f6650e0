import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * What a user sees in a real VS Code: squiggles, hovers, completion, quick
 * fixes, fix-on-save and settings changes. Every wait is for a real event,
 * with a timeout that says what did not happen.
 */
const WORKSPACE = path.resolve(__dirname, '../../../test/e2e/workspace');

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(WORKSPACE, name));
}

function meshDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mesh-config');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves once `predicate` holds for the file's Mesh Config diagnostics. */
function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = meshDiagnostics(uri);
      if (predicate(current)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(current);
        return true;
      }
      return false;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; diagnostics were ${JSON.stringify(meshDiagnostics(uri).map((d) => codeOf(d)))}`));
    }, timeoutMs);
    check();
  });
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

suite('Mesh Config in VS Code', function () {
  this.timeout(60000);

  test('reports Mixer on a v2.0 control plane with source, code and range', async () => {
    const editor = await open('smcp-mixer.yaml');
    const found = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic');
    const mixer = found.find((x) => codeOf(x) === 'smcp-mixer-policy-removed')!;
    assert.strictEqual(mixer.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual([mixer.range.start.line, mixer.range.start.character, mixer.range.end.line, mixer.range.end.character], [8, 10, 8, 15]);
  });

  test('reports the maistra CPU-limit annotation on a Deployment', async () => {
    const editor = await open('deployment-maistra.yaml');
    const found = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'a diagnostic on the maistra annotation');
    const annotation = found.find((x) => editor.document.getText(x.range).includes('sidecar.maistra.io/proxyCPULimit'));
    assert.ok(annotation, `no diagnostic on the annotation key: ${JSON.stringify(found.map((x) => [codeOf(x), x.range.start.line]))}`);
  });

  test('leaves a GitHub workflow alone', async () => {
    const editor = await open('github-workflow.yaml');
    // Open a mesh file after it and wait for that one's diagnostics: by then the workflow has been analysed too.
    const other = await open('smcp-mixer.yaml');
    await waitForDiagnostics(other.document.uri, (d) => d.length > 0, 'diagnostics of the mesh file opened after the workflow');
    assert.deepStrictEqual(meshDiagnostics(editor.document.uri), []);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 4));
    assert.ok(!completions.items.some((i) => i.detail === 'apiVersion and kind' || (typeof i.label === 'string' ? i.label : i.label.label) === 'ServiceMeshControlPlane (maistra.io/v2)'));
  });

  test('completes spec keys and spec.version values in an SMCP', async () => {
    const editor = await open('smcp-mixer.yaml');
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(9, 2));
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('security'), labels.join(','));
    const versions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(6, 11));
    const versionLabels = versions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(['v2.6', 'v2.5', 'v2.4'].every((v) => versionLabels.includes(v)), versionLabels.join(','));
  });

  test('hover on spec.tracing.sampling shows the percentage', async () => {
    const editor = await open('smcp-mixer.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(13, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /5 %/);
  });

  test('the Mixer quick fix produces the exact expected text', async () => {
    const editor = await open('smcp-mixer.yaml');
    const found = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic');
    const mixer = found.find((x) => codeOf(x) === 'smcp-mixer-policy-removed')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, mixer.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change policy.type to Istiod');
    assert.ok(fix?.edit, `no Mixer fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.lineAt(8).text, '    type: Istiod');
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic to disappear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('source.fixAll.meshConfig runs on save', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await config.update('codeActionsOnSave', { 'source.fixAll.meshConfig': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('save-fix.yaml');
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-telemetry-removed'), 'the telemetry Mixer diagnostic');
      const original = editor.document.getText();
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# saved with fix-all\n'));
      await editor.document.save();
      assert.match(editor.document.getText(), /telemetry:\n {4}type: Istiod/);
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('changing meshConfig.targetVersion updates diagnostics without reopening', async () => {
    const editor = await open('smcp-mixer.yaml');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic');
    const config = vscode.workspace.getConfiguration('meshConfig');
    await config.update('targetVersion', 'v2.0', vscode.ConfigurationTarget.Global);
    try {
      await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic to go away at target v2.0');
    } finally {
      await config.update('targetVersion', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'), 'the Mixer diagnostic to return at target v2.6');
  });

  test('snippets appear in completion and expand to a document without diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label) === 'mesh-peerauthentication-strict');
    assert.ok(snippet, 'the PeerAuthentication snippet is not offered');
    await editor.insertSnippet(snippet.insertText instanceof vscode.SnippetString ? snippet.insertText : new vscode.SnippetString(String(snippet.insertText)));
    assert.match(document.getText(), /kind: PeerAuthentication/);
    // Analysis of the expanded text finishes with an (empty) diagnostics event or none at all; wait for the version to settle.
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => undefined);
      setImmediate(() => (sub.dispose(), resolve()));
    });
    assert.deepStrictEqual(meshDiagnostics(document.uri).map((d) => d.message), []);
  });
});
