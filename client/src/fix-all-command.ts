import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_IN_WORKSPACE_REQUEST, FixAllResult, localFolderUris } from './requests';

/**
 * "Mesh Config: Fix All in Workspace": the server computes every safe fix as
 * one WorkspaceEdit whose changes carry an annotation that needs confirmation,
 * so VS Code shows the refactoring preview before anything is written.
 */
export function registerFixAllCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('meshConfig.fixAllInWorkspace', async () => {
    const folders = localFolderUris(vscode.workspace.workspaceFolders);
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mesh Config: open a local folder to fix its YAML files.'));
      return;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Mesh Config: looking for safe fixes…'), cancellable: true },
      (_progress, token) => client.sendRequest<FixAllResult | null>(FIX_ALL_IN_WORKSPACE_REQUEST, { folders }, token),
    );
    if (!result) return;
    if (result.fixes === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mesh Config: no safe fixes to apply in this workspace.'));
      return;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
    if (!edit) return;
    await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  });
}
