import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, settleWith, waitForDiagnostics } from './util';

/** The editor commands run in a real workbench: the upgrade plan, fix all in workspace, the target picker. */
suite('Mesh Config commands', function () {
  this.timeout(60000);

  test('Show Upgrade Plan renders the plan for the workspace', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('meshConfig.showUpgradePlan');
    assert.ok(uri, 'the command returns where it wrote the plan');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /v2\.0 → v2\.1/, text.slice(0, 500));
    assert.match(text, /smcp-mixer-policy-removed/);
    assert.match(text, /Behaviour changes to review/);
    // Links are paths the preview resolves to the workspace files, with the line to open.
    const folder = vscode.workspace.workspaceFolders![0].uri.path;
    assert.ok(text.includes(`(${folder}/smcp-mixer.yaml#L`), text.slice(0, 800));
  });

  test('Fix All in Workspace applies every safe fix in the workspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.yaml');
    const originals = new Map<string, string>();
    for (const file of files) originals.set(file.toString(), (await vscode.workspace.openTextDocument(file)).getText());
    const config = vscode.workspace.getConfiguration('meshConfig');
    // The confirmation is a modal dialog, which an extension-host test cannot answer; users can turn it off the same way.
    await config.update('fixAllInWorkspace.confirm', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('meshConfig.fixAllInWorkspace');

      const smcp = (await vscode.workspace.openTextDocument(fixtureUri('save-fix.yaml'))).getText();
      assert.match(smcp, /telemetry:\n {4}type: Istiod/, smcp);
      const workflow = (await vscode.workspace.openTextDocument(fixtureUri('github-workflow.yaml'))).getText();
      assert.strictEqual(workflow, originals.get(fixtureUri('github-workflow.yaml').toString()), 'a file with nothing to fix is left alone');
    } finally {
      await config.update('fixAllInWorkspace.confirm', undefined, vscode.ConfigurationTarget.Global);
      // Later tests expect the fixtures as they were.
      for (const file of files) {
        const document = await vscode.workspace.openTextDocument(file);
        const original = originals.get(file.toString()) ?? '';
        if (document.getText() === original) continue;
        const restore = new vscode.WorkspaceEdit();
        restore.replace(file, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
        await vscode.workspace.applyEdit(restore);
        await document.save();
      }
    }
  });

  test('the status bar target picker sets meshConfig.targetVersion', async () => {
    const editor = await openFixture('smcp-mixer.yaml');
    await waitForDiagnostics(editor.document.uri, (list) => list.length > 0);
    const config = () => vscode.workspace.getConfiguration('meshConfig');
    const before = config().inspect<string>('targetVersion')?.workspaceValue;
    try {
      // The picker lists v2.0 … v2.6 oldest first; accepting the highlighted first entry picks v2.0.
      await settleWith(
        vscode.commands.executeCommand('meshConfig.selectTargetVersion'),
        () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'),
        20000,
        'the target version picker did not close',
      );
      assert.strictEqual(config().get('targetVersion'), 'v2.0');
    } finally {
      await config().update('targetVersion', before, vscode.ConfigurationTarget.Workspace);
    }
  });
});
