// Drives one language server over stdio the way an editor does, timing each request.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

export class LspSession {
  constructor(command, args, settings) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', () => undefined);
    this.connection = rpc.createProtocolConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    this.waiters = [];
    this.peakRssKb = 0;
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const i = this.waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || params.version === undefined || params.version >= w.version));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(params);
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => lookup(settings, item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.listen();
    this.settings = settings;
    this.memoryTimer = setInterval(() => this.sampleMemory(), 50);
  }

  sampleMemory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) this.peakRssKb = Math.max(this.peakRssKb, Number(hwm[1]));
    } catch {
      // The process may have exited.
    }
  }

  async initialize(initializationOptions) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // As VS Code declares them: code actions may leave their edit to codeAction/resolve.
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } },
        },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
  }

  diagnosticsFor(uri, version, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async timeOpen(uri, text) {
    const start = performance.now();
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const params = await published;
    return { ms: performance.now() - start, diagnostics: params.diagnostics };
  }

  async timeEdit(uri, version, position, insert) {
    const start = performance.now();
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: insert }],
    });
    await published;
    return performance.now() - start;
  }

  async timeRequest(method, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - start, result };
  }

  async close() {
    clearInterval(this.memoryTimer);
    this.sampleMemory();
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    setTimeout(() => this.child.kill('SIGKILL'), 500).unref();
    this.connection.dispose();
  }
}

function lookup(settings, section) {
  if (!section) return settings;
  return section.split('.').reduce((node, key) => (node == null ? undefined : node[key]), settings) ?? null;
}
