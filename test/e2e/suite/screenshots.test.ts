import * as vscode from 'vscode';
import { openFixture, requestScreenshot, waitFor, waitForDiagnostics } from './util';

/**
 * Pictures for the README, taken in the real workbench: the Mixer findings
 * with the Problems panel, a hover, the quick-fix menu on a maistra
 * annotation, and the upgrade plan preview. Each waits for the state it shows before asking for the picture.
 */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Lets the workbench paint what a command opened (one animation frame is not observable from the API). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 700));
}

suite('README screenshots', function () {
  this.timeout(90000);

  test('Mixer diagnostics with the Problems panel open', async () => {
    const editor = await openFixture('smcp-mixer.yaml');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'smcp-mixer-policy-removed'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await settle();
    await requestScreenshot('diagnostics');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('hover on spec.tracing.sampling', async () => {
    const editor = await openFixture('smcp-mixer.yaml');
    const position = new vscode.Position(13, 6);
    await waitFor(
      async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        return result.length > 0 ? result : undefined;
      },
      15000,
      'a hover on spec.tracing.sampling',
    );
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    await settle();
    await requestScreenshot('hover');
  });

  test('quick-fix menu on a maistra annotation', async () => {
    const editor = await openFixture('deployment-maistra.yaml');
    const found = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'annotation-maistra-proxy-cpu-limit'));
    const target = found.find((x) => codeOf(x) === 'annotation-maistra-proxy-cpu-limit')!;
    editor.selection = new vscode.Selection(target.range.start, target.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await settle();
    await requestScreenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  test('upgrade plan preview', async () => {
    await vscode.commands.executeCommand('meshConfig.showUpgradePlan');
    // The Markdown preview renders in a webview, whose painting the API does not announce.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await requestScreenshot('upgrade-plan');
  });
});
