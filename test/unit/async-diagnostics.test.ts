import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { doc, settings, testService } from '../support/service';

const SMCP = (n: number) => `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: mesh-${n}\nspec:\n  version: v2.0\n  policy:\n    type: Mixer\n  tracing:\n    sampling: high\n`;
const MANY = Array.from({ length: 400 }, (_, i) => SMCP(i)).join('---\n');

describe('diagnostics computed in slices', () => {
  it('equal the synchronous diagnostics', async () => {
    const input = doc(MANY);
    const sync = testService().diagnostics(input, settings());
    // A zero-length slice yields after every section: the most interleaved run possible.
    const sliced = await testService().diagnosticsAsync({ ...input, uri: input.uri + '.async' }, settings(), () => false, 0);
    assert.ok(sync.length >= 800);
    assert.deepEqual(sliced, sync);
  });

  it('stop and resolve undefined once a newer version supersedes them', async () => {
    let asked = 0;
    // Superseded after the third slice.
    const result = await testService().diagnosticsAsync(doc(MANY + '# changed\n'), settings(), () => ++asked >= 3, 0);
    assert.equal(asked, 3);
    assert.equal(result, undefined);
  });
});
