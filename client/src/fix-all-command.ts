import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixAllInWorkspaceRequest, FixAllInWorkspaceResult, localFolderUris } from './requests';

const CONFIRM_SETTING = 'fixAllInWorkspace.confirm';
/** Files named in the confirmation before "and N more". */
const LISTED_FILES = 10;

/**
 * "Mesh Config: Fix All in Workspace": the server computes every safe fix as
 * one edit; after a confirmation naming the files (which users can turn off)
 * it is applied as one refactoring, undoable per file. The files are left
 * unsaved, as after a rename, so the user can review them.
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
      (_progress, token) => client.sendRequest(FixAllInWorkspaceRequest, { folders }, token),
    );
    if (!result) return;
    if (result.fixes === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mesh Config: no safe fixes to apply in this workspace.'));
      return;
    }
    if (!(await confirmed(result))) return;
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
    if (!edit) return;
    const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (!applied) void vscode.window.showWarningMessage(vscode.l10n.t('Mesh Config: the fixes were not applied; a file changed meanwhile. Run the command again.'));
  });
}

async function confirmed(result: FixAllInWorkspaceResult): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('meshConfig');
  if (config.get<boolean>(CONFIRM_SETTING) === false) return true;
  const names = result.paths.map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
  const listed = names.slice(0, LISTED_FILES).join('\n');
  const more = names.length > LISTED_FILES ? `\n${vscode.l10n.t('and {0} more', names.length - LISTED_FILES)}` : '';
  const apply = vscode.l10n.t('Apply');
  const always = vscode.l10n.t('Apply and Don\'t Ask Again');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Apply {0} safe fixes in {1} files?', result.fixes, result.files),
    { modal: true, detail: listed + more },
    apply,
    always,
  );
  if (choice === always) await config.update(CONFIRM_SETTING, false, vscode.ConfigurationTarget.Global);
  return choice === apply || choice === always;
}
