import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import {
  ClientCapabilities,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './service';

/** A minimal LSP client that talks to the bundled server over stdio, like an editor. */
export class TestLspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly stderr: string[] = [];

  /**
   * `options.execArgv` go to node before the server script (e.g. `--require` a preload); `options.command`
   * starts an executable (an installed `mesh-config-language-server`) with `--stdio` instead of node.
   */
  constructor(
    serverPath = path.join(REPO_ROOT, 'dist', 'server.js'),
    options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; command?: string } = {},
  ) {
    const [file, args] = options.command
      ? [options.command, ['--stdio']]
      : [process.execPath, [...(options.execArgv ?? []), serverPath, '--stdio']];
    this.process = spawn(file, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const index = this.waiters.findIndex((w) => w.uri === params.uri);
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(params);
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** The LSP handshake (initialize, then initialized), as an editor does it. Settings default to target v2.6. */
  async initialize(
    options: { initializationOptions?: unknown; capabilities?: ClientCapabilities; rootUri?: string | null } = {},
  ): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions ?? { settings: { targetVersion: 'v2.6' } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri`, or rejects after `timeoutMs`. */
  nextDiagnostics(uri: string, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter = { uri, resolve: (p: PublishDiagnosticsParams) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.on('exit', (code) => resolve(code));
    });
  }

  kill(): void {
    this.process.kill();
  }
}
