import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localFolderUris, UpgradePlanRequest } from './requests';

/**
 * "Mesh Config: Show Upgrade Plan": the server plans over the workspace's
 * YAML; the Markdown is written to a file in the extension's storage and shown
 * in the built-in preview, whose file links (with `#L<line>`) open the file at
 * that line. A real file, because the preview resolves links against the
 * document's own location and refuses `file:` links. Returns the plan's URI.
 */
export function registerUpgradePlanCommand(client: LanguageClient, storage: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('meshConfig.showUpgradePlan', async (): Promise<vscode.Uri | undefined> => {
    const folders = localFolderUris(vscode.workspace.workspaceFolders);
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mesh Config: open a local folder to plan an upgrade over its YAML files.'));
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Mesh Config: planning the upgrade…'), cancellable: true },
      (_progress, token) => client.sendRequest(UpgradePlanRequest, { folders }, token),
    );
    if (!result) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Mesh Config: no upgrade plan (cancelled, or it failed: the 'Mesh Config' output says which)."));
      return undefined;
    }
    const uri = vscode.Uri.joinPath(storage, `Upgrade plan to ${result.plan.target}.md`);
    await vscode.workspace.fs.createDirectory(storage);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.markdown));
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  });
}
