import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { caret, doc, isSmcpAdvice, settings, testService } from '../support/service';

const MIXED = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
spec:
  version: v2.6
  tracing:
    sampling: lots
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
    - route:
        - destination:
            host: reviews
          weight: heavy
---
name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps: not-a-list
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: details
spec:
  replicas: many
`;

describe('schema selection per document', () => {
  it('validates each mesh document against its own schema and leaves the others alone', () => {
    const found = testService().diagnostics(doc(MIXED), settings()).filter((d) => !isSmcpAdvice(d.code));
    const lines = found.map((d) => d.range.start.line);
    // SMCP: sampling must be an integer (line 8); VirtualService: weight must be an integer (line 20).
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line]),
      [
        ['schema-invalid-type', 7],
        ['schema-invalid-type', 19],
      ],
    );
    // Nothing in the GitHub workflow (lines 21-27) or the Deployment (28+).
    assert.ok(lines.every((l) => l < 21));
  });

  it('offers no completion or hover in a GitHub workflow or a plain Deployment', async () => {
    const service = testService();
    for (const [line, character] of [
      [25, 4],
      [34, 4],
    ]) {
      const input = doc(MIXED);
      assert.equal(await service.completion(input, { line, character }, settings()), null);
      assert.equal(await service.hover(input, { line, character }, settings()), null);
    }
  });

  it('completes VirtualService keys inside the VirtualService, not SMCP keys', async () => {
    const marked = MIXED.replace('  hosts: [reviews]\n', '  hosts: [reviews]\n  |\n');
    const { text, position } = caret(marked);
    const list = await testService().completion(doc(text), position, settings());
    const labels = list?.items.map((i) => i.label) ?? [];
    assert.ok(labels.includes('gateways'), labels.join(','));
    assert.ok(!labels.includes('profiles'));
  });

  it('a file named anything gets schemas by content', () => {
    const found = testService().diagnostics(doc(MIXED, 'untitled:Untitled-1'), settings()).filter((d) => !isSmcpAdvice(d.code));
    assert.equal(found.length, 2);
  });
});
