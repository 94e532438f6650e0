import * as l10n from '@vscode/l10n';
import { L10nOptions, loadL10nBundle } from './l10n-bundle';
import * as path from 'path';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  InitializeResult,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMeshLanguageService, FIX_ALL_KIND, MeshSettings, RawSettings, folderSchemaSource } from './service';
import { DiagnosticScheduler } from './diagnostic-scheduler';
import { loadPrecompiledValidators } from './node/precompiled';
import { FileStatusRequest, FixAllInWorkspaceRequest, UpgradePlanRequest } from '../../protocol/requests';
import { fileStatus, fixAllInWorkspaceRequest, upgradePlanRequest, WorkspaceAccess } from './workspace-requests';

/**
 * LSP wiring only: every handler asks the pure service and reports failures
 * to the output channel instead of letting them take the server down.
 */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createMeshLanguageService({
  schemas: folderSchemaSource(path.resolve(__dirname, '..', 'schemas')),
  precompiledValidators: loadPrecompiledValidators(),
  onRuleFailure: (ruleId, uri, error) =>
    connection.console.error(l10n.t('{0} failed on {1} and is skipped for that document; everything else still runs. {2}', ruleId, uri, describe(error))),
});

/** Set by `shutdown`: from then on only `exit` is served (LSP), and no analysis starts or continues. */
let shuttingDown = false;

/** A request handler that answers InvalidRequest once the client asked the server to shut down. */
function whileRunning<P, R>(handler: (params: P, token: CancellationToken) => Promise<R>) {
  return (params: P, token: CancellationToken): Promise<R | ResponseError<void>> =>
    shuttingDown ? Promise.resolve(new ResponseError<void>(ErrorCodes.InvalidRequest, 'The server is shutting down.')) : handler(params, token);
}

let supportsConfiguration = false;
/** The client fetches an action's edit when it is picked, so costly edits can wait until then. */
let resolvesEdits = false;
let initialSettings: RawSettings | undefined;
const settingsCache = new Map<string, Promise<MeshSettings>>();
const reportedSettingProblems = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = !!params.capabilities.workspace?.configuration;
  resolvesEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
  const options = params.initializationOptions as ({ settings?: RawSettings } & L10nOptions) | undefined;
  initialSettings = options?.settings;
  loadL10nBundle(options, (message) => connection.console.warn(message));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
    },
    serverInfo: { name: 'mesh-config' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'meshConfig' })
      .catch((error) => connection.console.warn(l10n.t('Could not watch meshConfig settings: {0}', describe(error))));
  }
});

async function settingsFor(uri: string): Promise<MeshSettings> {
  let pending = settingsCache.get(uri);
  if (!pending) {
    pending = (async () => {
      let raw: RawSettings | undefined = initialSettings;
      if (supportsConfiguration) {
        try {
          raw = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'meshConfig' })) as RawSettings;
        } catch (error) {
          connection.console.warn(l10n.t('Could not read meshConfig settings: {0}', describe(error)));
        }
      }
      const { settings, problems } = service.resolveSettings(raw);
      // Each problem is shown once per session, all new ones in one message.
      const fresh = problems.filter((problem) => !reportedSettingProblems.has(problem));
      for (const problem of fresh) {
        reportedSettingProblems.add(problem);
        connection.console.warn(problem);
      }
      if (fresh.length > 0) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Mesh Config: ${fresh.join(' ')}` });
      }
      return settings;
    })();
    settingsCache.set(uri, pending);
  }
  return pending;
}

const PREPARE_BEFORE_FIRST_ANALYSIS_MS = 100;
/** Documents whose schemas were loaded before their first analysis. */
const schemasPrepared = new Set<string>();

const scheduler = new DiagnosticScheduler(150, (uri) =>
  guard(`analysis of ${uri}`, async () => {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== document.version) return;
    const version = current.version;
    if (!schemasPrepared.has(uri)) {
      // Right after opening, before the first analysis: loading the first schemas (about 40 ms for a control
      // plane's) then delays the first diagnostics a little instead of stalling typing or the first hover.
      // The budget bounds that delay; the rest load after the diagnostics are out.
      schemasPrepared.add(uri);
      await service.prepareSchemas(toInput(current), settings, PREPARE_BEFORE_FIRST_ANALYSIS_MS);
    }
    const diagnostics = await service.diagnosticsAsync(toInput(current), settings, () => shuttingDown || documents.get(uri)?.version !== version);
    if (!diagnostics) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
    // With the diagnostics out, load the schemas the user's first completion or hover here will need.
    setImmediate(() => void guard('schema preparation', () => service.prepareSchemas(toInput(current), settings), undefined));
  }, undefined),
);

connection.onShutdown(() => {
  shuttingDown = true;
  // Nothing new starts; a running analysis stops at its next pause, so `exit` is served promptly.
  scheduler.dispose();
});

/**
 * Mesh rules look across files: a change to one open document can change
 * another's findings (a second control plane in its namespace), so the others
 * are analysed again too, after the usual delay. Their sections are cached, so
 * only the mesh rules really run again.
 */
function othersChanged(uri: string): void {
  for (const other of documents.all()) if (other.uri !== uri) scheduler.later(other.uri);
}

documents.onDidOpen((event) => {
  service.updateFile(toInput(event.document));
  scheduler.now(event.document.uri);
  othersChanged(event.document.uri);
});
documents.onDidChangeContent((event) => {
  service.updateFile(toInput(event.document));
  scheduler.later(event.document.uri);
  othersChanged(event.document.uri);
});
documents.onDidClose((event) =>
  guard('close', async () => {
    scheduler.forget(event.document.uri);
    schemasPrepared.delete(event.document.uri);
    service.close(event.document.uri);
    othersChanged(event.document.uri);
    settingsCache.delete(event.document.uri);
    await connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }, undefined),
);

connection.onDidChangeConfiguration((change) =>
  guard('settings change', async () => {
    settingsCache.clear();
    if (!supportsConfiguration) {
      initialSettings = (change.settings as { meshConfig?: RawSettings } | undefined)?.meshConfig;
    }
    for (const document of documents.all()) scheduler.now(document.uri);
  }, undefined),
);

connection.onCompletion(
  whileRunning(async (params, token) =>
    guard('completion', async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return null;
      return service.completion(toInput(document), params.position, await settingsFor(document.uri));
    }, null),
  ),
);

connection.onHover(
  whileRunning(async (params, token) =>
    guard('hover', async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return null;
      return service.hover(toInput(document), params.position, await settingsFor(document.uri));
    }, null),
  ),
);

connection.onCodeAction(
  whileRunning(async (params, token) =>
    guard('code actions', async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return [];
      const settings = await settingsFor(document.uri);
      return service.codeActions(toInput(document), params.range, { ...params.context, resolveEdits: resolvesEdits }, settings);
    }, []),
  ),
);

connection.onCodeActionResolve(
  whileRunning(async (action: CodeAction) =>
    guard('code action resolve', async () => {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document) return action;
      return service.resolveCodeAction(toInput(document), action, await settingsFor(document.uri));
    }, action),
  ),
);

// The editor commands: the upgrade plan, fix-all over the workspace, and the status bar.
function workspaceAccess(token: { isCancellationRequested: boolean }): WorkspaceAccess {
  return {
    service,
    open: (uri) => {
      const document = documents.get(uri);
      return document && { text: document.getText(), version: document.version };
    },
    isCancelled: () => token.isCancellationRequested,
  };
}

connection.onRequest(
  UpgradePlanRequest,
  whileRunning(async (params, token) =>
    guard('upgrade plan', async () => upgradePlanRequest(params.folders, await settingsFor(params.folders[0] ?? ''), workspaceAccess(token)), null),
  ),
);

connection.onRequest(
  FixAllInWorkspaceRequest,
  whileRunning(async (params, token) =>
    guard(l10n.t('fix all in workspace'), async () => fixAllInWorkspaceRequest(params.folders, await settingsFor(params.folders[0] ?? ''), workspaceAccess(token)), null),
  ),
);

connection.onRequest(
  FileStatusRequest,
  whileRunning(async (params) =>
    guard('file status', async () => {
      const document = documents.get(params.uri);
      return document ? fileStatus(toInput(document), service, await settingsFor(params.uri)) : null;
    }, null),
  ),
);

function toInput(document: TextDocument) {
  return { uri: document.uri, version: document.version, text: document.getText() };
}

async function guard<T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    connection.console.error(`Mesh Config ${what} failed: ${describe(error)}`);
    return fallback;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// A promise nobody awaited must not take the server down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Mesh Config: unexpected failure: ${describe(reason)}`));

documents.listen(connection);
connection.listen();
