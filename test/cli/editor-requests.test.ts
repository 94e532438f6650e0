import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';
import { copyFixture } from './helpers';

/** The server side of the editor commands, over the real bundled server. */
describe('editor requests (upgrade plan, fix all in workspace, status)', () => {
  let client: TestLspClient;
  let dir: string;
  let folder: string;

  before(async () => {
    dir = copyFixture('plan');
    fs.mkdirSync(path.join(dir, 'ignored'));
    fs.writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
    fs.copyFileSync(path.join(dir, 'control-plane.yaml'), path.join(dir, 'ignored', 'copy.yaml'));
    folder = pathToFileURL(dir).href;
    client = new TestLspClient();
    await client.initialize({ rootUri: folder });
  });

  after(() => client.kill());

  it('plans over the folder from disk, with links that open file and line', async () => {
    const result = await client.connection.sendRequest<{ markdown: string; plan: { controlPlanes: unknown[] } }>('meshConfig/upgradePlan', { folders: [folder] });
    assert.equal(result.plan.controlPlanes.length, 1, 'the ignored copy is not planned');
    assert.match(result.markdown, /^# Upgrade plan to v2\.6/);
    // A path, not a file: URI, which the preview's Markdown engine would refuse as a link.
    const link = `[control-plane.yaml:9](${new URL(folder).pathname}/control-plane.yaml#L9)`;
    assert.ok(result.markdown.includes(link), result.markdown);
    assert.match(result.markdown, /service-mesh-extension-removed/);
  });

  it('returns every safe fix as one plain edit with the files it changes, using open documents over the disk', async () => {
    const uri = `${folder}/control-plane.yaml`;
    const opened = fs.readFileSync(path.join(dir, 'control-plane.yaml'), 'utf8').replace('  telemetry:\n    type: Mixer\n', '');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 7, text: opened } });
    const result = await client.connection.sendRequest<{ edit: WorkspaceEdit; files: number; fixes: number; paths: string[] }>('meshConfig/fixAllInWorkspace', { folders: [folder] });
    assert.equal(result.files, 1);
    assert.equal(result.fixes, 2, 'policy.type and policy.mixer; telemetry was removed in the open copy');
    const [change] = result.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri, version: 7 });
    assert.deepEqual(result.paths, [uri]);
    // Edits needing confirmation would reach VS Code's refactor preview unticked; the client confirms instead.
    assert.ok(change.edits.every((e) => !('annotationId' in e)));
    assert.equal(result.edit.changeAnnotations, undefined);
    assert.equal(fs.readFileSync(path.join(dir, 'control-plane.yaml'), 'utf8').includes('Mixer'), true, 'nothing is written by the server');
  });

  it('tells the status bar the control plane version and the target', async () => {
    const uri = `${folder}/control-plane.yaml`;
    const status = await client.connection.sendRequest<{ mesh: boolean; smcpVersion: string; target: string; versions: { name: string; note: string }[] }>('meshConfig/fileStatus', { uri });
    assert.equal(status.mesh, true);
    assert.equal(status.smcpVersion, 'v2.0');
    assert.equal(status.target, 'v2.6');
    assert.deepEqual(status.versions.map((v) => v.name), ['v2.0', 'v2.1', 'v2.2', 'v2.3', 'v2.4', 'v2.5', 'v2.6']);
    assert.ok(status.versions.every((v) => v.note.length > 0));
  });
});
