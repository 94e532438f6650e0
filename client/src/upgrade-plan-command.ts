import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localFolderUris, UPGRADE_PLAN_REQUEST, UpgradePlanResult } from './requests';

const PLAN_SCHEME = 'mesh-config-plan';

/**
 * "Mesh Config: Show Upgrade Plan": the server plans over the workspace's
 * YAML; the Markdown shows in the built-in preview, whose file links (with
 * `#L<line>`) open the file at that line.
 */
export function registerUpgradePlanCommand(client: LanguageClient): vscode.Disposable {
  const plans = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => plans.get(uri.toString()) ?? '' };
  const command = vscode.commands.registerCommand('meshConfig.showUpgradePlan', async () => {
    const folders = localFolderUris(vscode.workspace.workspaceFolders);
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mesh Config: open a local folder to plan an upgrade over its YAML files.'));
      return;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Mesh Config: planning the upgrade…'), cancellable: true },
      (_progress, token) => client.sendRequest<UpgradePlanResult | null>(UPGRADE_PLAN_REQUEST, { folders }, token),
    );
    if (!result) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Mesh Config: no upgrade plan (cancelled, or it failed: the 'Mesh Config' output says which)."));
      return;
    }
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Upgrade plan to ${result.plan.target}.md` });
    plans.set(uri.toString(), result.markdown);
    changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, provider), command, changed);
}
