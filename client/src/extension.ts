import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { createServerErrorHandler } from './error-handler';
import { quietVscodeYamlOnMeshFiles } from './vscode-yaml';
import { registerUpgradePlanCommand } from './upgrade-plan-command';
import { registerFixAllCommand } from './fix-all-command';
import { registerStatusBar } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannelName: 'Mesh Config',
    synchronize: { configurationSection: 'meshConfig' },
    // The server speaks the editor's language from the same bundle as the client (none for English).
    initializationOptions: { l10nBundle: vscode.l10n.uri?.scheme === 'file' ? vscode.l10n.uri.fsPath : undefined },
    errorHandler: createServerErrorHandler({ ErrorAction, CloseAction }, {
      notify: (message) =>
        void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && client?.outputChannel.show()),
    }),
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('meshConfig.openExample', async () => {
      const example = vscode.Uri.file(context.asAbsolutePath(path.join('examples', 'control-plane.yaml')));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
    }),
    vscode.commands.registerCommand('meshConfig.showRuleDocumentation', async (ruleId: string) => {
      const page = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
      await vscode.commands.executeCommand('markdown.showPreview', page);
    }),
  );
  client = new LanguageClient('meshConfig', 'Mesh Config', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(registerUpgradePlanCommand(client, context.globalStorageUri), registerFixAllCommand(client), registerStatusBar(client));
  await quietVscodeYamlOnMeshFiles(client.outputChannel);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
