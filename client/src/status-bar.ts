import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileStatus, FileStatusRequest } from './requests';

const SELECT_TARGET_COMMAND = 'meshConfig.selectTargetVersion';

/**
 * On mesh YAML files: the control plane's `spec.version` (when the file has
 * one) and the target version; clicking picks another target.
 */
export function registerStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('meshConfig.target', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Mesh Config target version');
  item.command = SELECT_TARGET_COMMAND;
  let last: FileStatus | undefined;
  let generation = 0;

  async function refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const mine = ++generation;
    if (!editor || editor.document.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const status = await client.sendRequest(FileStatusRequest, { uri: editor.document.uri.toString() }).catch(() => null);
    if (mine !== generation) return;
    last = status ?? undefined;
    if (!status?.mesh) {
      item.hide();
      return;
    }
    const target = status.pinned ? vscode.l10n.t('{0} (pinned in file)', status.target) : status.target;
    item.text = status.smcpVersion ? `$(versions) SMCP ${status.smcpVersion} → ${target}` : `$(versions) ${vscode.l10n.t('Mesh target {0}', target)}`;
    item.tooltip = vscode.l10n.t('Mesh Config checks this file against Service Mesh {0}. Click to choose another target version.', status.target);
    item.show();
  }

  const select = vscode.commands.registerCommand(SELECT_TARGET_COMMAND, async () => {
    const versions = last?.versions ?? [];
    if (versions.length === 0) return;
    const picked = await vscode.window.showQuickPick(
      versions.map((v) => ({ label: v.name, description: v.name === last?.target ? vscode.l10n.t('current target') : undefined, detail: v.note })),
      { placeHolder: vscode.l10n.t('Service Mesh version to check against (meshConfig.targetVersion)') },
    );
    if (!picked) return;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('meshConfig').update('targetVersion', picked.label, target);
  });

  const update = () => void refresh();
  let typing: ReturnType<typeof setTimeout> | undefined;
  const afterTyping = (e: vscode.TextDocumentChangeEvent) => {
    if (e.document !== vscode.window.activeTextEditor?.document) return;
    clearTimeout(typing);
    typing = setTimeout(update, 400);
  };
  void refresh();
  return vscode.Disposable.from(
    item,
    select,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument(afterTyping),
    { dispose: () => clearTimeout(typing) },
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('meshConfig') && update()),
  );
}
