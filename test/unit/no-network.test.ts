import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionList,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';
import { REPO_ROOT } from '../support/service';

const TRAP = path.join(__dirname, 'no-network.trap.js');
const DRIVER = path.join(__dirname, 'no-network.driver.js');

function freshLog(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-no-network-')), 'attempts.log');
  fs.writeFileSync(file, '');
  return file;
}

/** The log minus the trap's own marker; asserts the trap really was installed. */
function attempts(log: string): string {
  const text = fs.readFileSync(log, 'utf8');
  assert.ok(text.includes('TRAP INSTALLED\n'), 'the network trap was not loaded');
  return text.replace('TRAP INSTALLED\n', '');
}

const SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
spec:
  version: v2.0
  policy:
    type: Mixer
  tracing:
    sampling: 100
`;

describe('no network, proven', () => {
  it('the trap itself catches every kind of attempt (so a clean log means something)', () => {
    const log = freshLog();
    const probe = `
      const tries = [
        () => require('net').connect(80, 'example.com'),
        () => new (require('net').Socket)().connect(80, 'example.com'),
        () => require('tls').connect(443, 'example.com'),
        () => require('http').get('http://example.com'),
        () => require('https').request('https://example.com'),
        () => require('http2').connect('https://example.com'),
        () => require('dns').lookup('example.com', () => {}),
        () => require('dns').promises.resolve4('example.com'),
        () => require('dgram').createSocket('udp4'),
        () => fetch('https://example.com'),
      ];
      let blocked = 0;
      for (const t of tries) { try { t(); } catch { blocked++; } }
      process.stdout.write(String(blocked));`;
    const result = spawnSync(process.execPath, ['--require', TRAP, '-e', probe], { env: { ...process.env, MESH_NETWORK_LOG: log }, encoding: 'utf8' });
    assert.equal(result.stdout, '10', result.stderr);
    const recorded = attempts(log);
    for (const what of ['net.connect', 'net.Socket#connect', 'tls.connect', 'http.get', 'https.request', 'http2.connect', 'dns.lookup', 'dns.promises.resolve4', 'dgram.createSocket', 'global fetch']) {
      assert.ok(recorded.includes(what + '\n'), `${what} was not trapped`);
    }
  });

  it('the library makes no attempt through diagnostics, completion, hover, code actions and fix-all', () => {
    const log = freshLog();
    const result = spawnSync(process.execPath, ['--require', TRAP, DRIVER], {
      env: { ...process.env, MESH_NETWORK_LOG: log },
      encoding: 'utf8',
      timeout: 120000,
    });
    assert.equal(result.status, 0, result.stderr);
    const counts = JSON.parse(result.stdout) as Record<string, number>;
    // The features really ran and produced answers.
    assert.ok(counts.findings > 0 && counts.completionItems > 0 && counts.hovers > 0 && counts.codeActions > 0, result.stdout);
    assert.equal(attempts(log), '');
  });

  it('the bundled server makes no attempt from start to exit', async () => {
    const log = freshLog();
    const client = new TestLspClient(path.join(REPO_ROOT, 'dist', 'server.js'), {
      execArgv: ['--require', TRAP],
      env: { ...process.env, MESH_NETWORK_LOG: log },
    });
    try {
      const uri = 'file:///workspace/smcp.yaml';
      await client.initialize();
      const opened = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: SMCP },
      });
      const { diagnostics } = await opened;
      assert.ok(diagnostics.some((d) => d.code === 'smcp-mixer-policy-removed'));

      const changed = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 5, character: 11 }, end: { line: 5, character: 15 } }, text: 'v2.1' }],
      });
      await changed;
      const completion = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 8, character: 4 },
      })) as CompletionList;
      assert.ok(completion.items.length > 0);
      assert.ok(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 6 } }));
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
      assert.ok(actions && actions.length > 0);
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      await client.connection.sendRequest(ShutdownRequest.type);
      const exited = client.exited();
      await client.connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      client.kill();
    }
    assert.equal(attempts(log), '');
  });

  it('has no eval, new Function or child processes in the server sources', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) {
          const code = fs.readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
          for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\b/, /\bFunction\s*\(/, /['"](?:node:)?child_process['"]/, /['"](?:node:)?vm['"]/, /['"](?:node:)?worker_threads['"]/]) {
            if (pattern.test(code)) offenders.push(`${path.relative(REPO_ROOT, full)}: ${pattern}`);
          }
        }
      }
    };
    walk(path.join(REPO_ROOT, 'server', 'src'));
    assert.deepEqual(offenders, []);
  });
});

describe('workspace trust and virtual workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: { supported?: unknown; description?: unknown } };
  };

  it('runs fully in untrusted workspaces, since nothing from the workspace is executed', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('declares limited virtual-workspace support with a reason', () => {
    assert.equal(manifest.capabilities?.virtualWorkspaces?.supported, 'limited');
    assert.match(String(manifest.capabilities?.virtualWorkspaces?.description), /open files.*need a local folder/);
  });

  it('documents the choice in docs/SECURITY.md and the README', () => {
    const security = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'SECURITY.md'), 'utf8');
    assert.match(security, /untrustedWorkspaces\.supported: true/);
    assert.match(security, /virtualWorkspaces\.supported: "limited"/);
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), /\(docs\/SECURITY\.md\)/);
  });
});
