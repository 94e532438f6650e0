import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, waitForDiagnostics } from './util';

/** The API of the stand-in for redhat.vscode-yaml (test/e2e/fake-vscode-yaml). */
interface FakeVscodeYaml {
  contributorNames(): string[];
  schemaFor(resource: string): Promise<{ contributor: string; uri: string; content?: string; error?: string } | undefined>;
}

suite('Living next to vscode-yaml', () => {
  test('hands vscode-yaml a do-nothing schema for files of mesh resources and leaves other YAML alone', async function () {
    // Activating both extensions and waiting for diagnostics can outlast mocha's default.
    this.timeout(60000);
    const yaml = vscode.extensions.getExtension<FakeVscodeYaml>('redhat.vscode-yaml');
    assert.ok(yaml, 'the e2e runner installs a stand-in for redhat.vscode-yaml');
    const api = yaml.isActive ? yaml.exports : await yaml.activate();

    const mesh = await openFixture('smcp-mixer.yaml');
    const ours = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor(() => ours?.isActive === true && api.contributorNames().includes('mesh-config'), 15000, () => `Mesh Config did not register a schema contributor with vscode-yaml (ours active: ${String(ours?.isActive)}, contributors: ${api.contributorNames().join(', ') || 'none'})`);

    const claimed = await api.schemaFor(mesh.document.uri.toString());
    assert.ok(claimed, 'no contributor answered for a file of mesh resources');
    assert.strictEqual(claimed.error, undefined, claimed.error);
    assert.strictEqual(claimed.contributor, 'mesh-config');
    const schema = JSON.parse(claimed.content ?? 'null') as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(schema), ['title'], 'the schema must accept anything and describe nothing');

    const workflow = await openFixture('github-workflow.yaml');
    assert.strictEqual(await api.schemaFor(workflow.document.uri.toString()), undefined);

    // Our own rule diagnostics stay on the claimed file.
    // With a docs link, a diagnostic's code arrives as { value, target }.
    const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
    await waitForDiagnostics(mesh.document.uri, (list) => list.some((d) => codeOf(d) === 'smcp-mixer-policy-removed'));
  });
});
