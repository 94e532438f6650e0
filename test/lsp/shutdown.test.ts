import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { DidOpenTextDocumentNotification, ErrorCodes, ExitNotification, HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lsp-client';

/** One control plane with `count` anchored values each used once: seconds of analysis in one document. */
function heavyDocument(count: number): string {
  const lines = ['apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  techPreview:\n'];
  for (let i = 0; i < count; i++) lines.push(`    a${i}: &a${i} v${i}\n    b${i}: *a${i}\n`);
  return lines.join('');
}

/** Rejects when the process has not exited by then: a failure guard, not a measurement. */
function withinGuard<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms).unref())]);
}

describe('server shutdown (issue 14, defect 11)', () => {
  it('refuses requests after shutdown with InvalidRequest, and exits on exit while a heavy analysis is in flight', async () => {
    const client = new TestLspClient();
    try {
      await client.initialize();
      const uri = 'file:///workspace/heavy.yaml';
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: heavyDocument(20000) },
      });
      await client.connection.sendRequest(ShutdownRequest.type);
      // Before: the server went on answering as if nothing had happened.
      await assert.rejects(
        client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }),
        (error: { code?: number }) => error.code === ErrorCodes.InvalidRequest,
      );
      const exited = client.exited();
      await client.connection.sendNotification(ExitNotification.type);
      assert.equal(await withinGuard(exited, 60_000, 'exit'), 0);
    } finally {
      client.kill();
    }
  });
});
