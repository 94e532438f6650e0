import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, requestScreenshot, waitFor } from './util';

suite('Activation', () => {
  test('opening a YAML file activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);

    // The code-server runner tests the extension as unpacked from the .vsix;
    // make sure that copy, and not the source tree, is the one running.
    const expectedPath = process.env.MESH_CONFIG_E2E_EXTENSION_PATH;
    if (expectedPath) assert.strictEqual(extension.extensionPath, expectedPath);
    console.log(`testing ${EXTENSION_ID} ${extension.packageJSON.version} from ${extension.extensionPath}${expectedPath ? ' (the installed .vsix)' : ''}`);

    const editor = await openFixture('smcp-mixer.yaml');
    assert.strictEqual(editor.document.languageId, 'yaml');
    // Activation has no public event; waitFor polls isActive.
    await waitFor(() => extension.isActive, 30000, `${EXTENSION_ID} did not activate after a YAML file was opened`);
    await requestScreenshot('activation');
  });
});
