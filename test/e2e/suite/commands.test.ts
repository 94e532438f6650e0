import * as assert from 'assert';
import * as vscode from 'vscode';

/** The editor commands around the upgrade plan run in a real workbench and produce the plan. */
suite('Mesh Config commands', function () {
  this.timeout(60000);

  test('Show Upgrade Plan renders the plan for the workspace', async () => {
    await vscode.commands.executeCommand('meshConfig.showUpgradePlan');
    const plan = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'mesh-config-plan', path: '/Upgrade plan to v2.6.md' }));
    const text = plan.getText();
    assert.match(text, /v2\.0 → v2\.1/, text.slice(0, 500));
    assert.match(text, /smcp-mixer-policy-removed/);
  });
});
