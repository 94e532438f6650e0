import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';
import { FIXTURES_DIR, REPO_ROOT } from '../support/service';
import { InstalledPackage, listFiles, packAndInstall } from './install';

const FIXTURES = path.join(FIXTURES_DIR, 'package');

/** Runs an installed binary directly, through its `#!/usr/bin/env node` line, as a shell or an editor does. */
function run(file: string, args: string[], cwd = FIXTURES) {
  // The timeout is only a net so a hang fails this test instead of the whole run; nothing asserts on time.
  return spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 120_000 });
}

describe('the npm package, packed and installed offline into an empty folder', () => {
  let installed: InstalledPackage;

  before(() => {
    installed = packAndInstall();
  });
  after(() => installed?.remove());

  it('holds exactly the launchers, the CLI and server bundles, the schemas, README, LICENSE and package.json', () => {
    const expected = [
      ...fs.readFileSync(path.join(FIXTURES, 'files.txt'), 'utf8').split('\n').filter(Boolean),
      ...listFiles(path.join(REPO_ROOT, 'schemas')).map((file) => `schemas/${file}`),
    ].sort();
    assert.deepEqual(listFiles(installed.packageDir), expected);
  });

  it('declares no dependencies of any kind and both binaries', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installed.packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      assert.equal(manifest[field], undefined, `${field} must stay empty: the bundles hold everything`);
    }
    assert.equal(manifest.private, false);
    assert.deepEqual(manifest.bin, { 'mesh-config': 'bin/mesh-config.js', 'mesh-config-language-server': 'bin/mesh-config-language-server.js' });
  });

  it('mesh-config --version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = run(installed.bin('mesh-config'), ['--version']);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, `${version}\n`);
    assert.equal(result.status, 0);
  });

  it('mesh-config check reports a fixture exactly as expected, exit code 1', () => {
    const result = run(installed.bin('mesh-config'), ['check', '--quiet', 'control-plane.yaml']);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, fs.readFileSync(path.join(FIXTURES, 'check-quiet.expected.txt'), 'utf8'));
    assert.equal(result.status, 1);
  });

  it('the installed CLI finds what the CLI of this checkout finds (all schemas and rules made it into the package)', () => {
    const args = ['check', '--format', 'json', 'control-plane.yaml'];
    const fromPackage = run(installed.bin('mesh-config'), args);
    const fromCheckout = run(process.execPath, [path.join(REPO_ROOT, 'bin', 'mesh-config.js'), ...args]);
    assert.equal(fromPackage.status, fromCheckout.status);
    assert.deepEqual(JSON.parse(fromPackage.stdout), JSON.parse(fromCheckout.stdout));
  });

  it('mesh-config-language-server without a transport says how to start it instead of throwing', () => {
    const result = run(installed.bin('mesh-config-language-server'), []);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'mesh-config-language-server: no transport given; start it as "mesh-config-language-server --stdio"\n');
    assert.equal(result.status, 2);
  });

  describe('mesh-config-language-server --stdio', () => {
    let client: TestLspClient;
    after(() => client?.kill());

    it('answers the LSP handshake and publishes a diagnostic for an opened file', async () => {
      // Started the way an editor's LSP client starts it: the installed binary with --stdio.
      client = new TestLspClient(undefined, { command: installed.bin('mesh-config-language-server') });
      const result = await client.initialize({ initializationOptions: {} });
      assert.equal(result.serverInfo?.name, 'mesh-config');
      const uri = 'file:///workspace/control-plane.yaml';
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(FIXTURES, 'control-plane.yaml'), 'utf8') },
      });
      const { diagnostics } = await published;
      const mixer = diagnostics.find((d) => d.code === 'smcp-mixer-policy-removed');
      assert.ok(mixer, JSON.stringify(diagnostics));
      assert.deepEqual(mixer.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 15 } });
      assert.deepEqual(client.stderr, []);
    });
  });
});
