import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { createEnvironment, isThirdPartyFeatureFailure } from './runner';

/** A fuzz case (anchorAndAlias mutations): `alias9: *a2` sits inside the node anchored `&a2`. */
const SELF_REFERENCE = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
spec:
  runtime: &a2
    components:
      prometheus:
        alias9: *a2
`;
const POSITION = { line: 7, character: 8 };

const frame = (file: string) => `    at fn (/work/x/${file}:1:2)`;
function failure(...files: string[]): Error {
  const error = new RangeError('Maximum call stack size exceeded');
  error.stack = [`RangeError: Maximum call stack size exceeded`, ...files.map(frame)].join('\n');
  return error;
}

describe("the fuzzer's attribution of completion and hover failures", () => {
  // The service no longer hands such a section to yaml-language-server (test/unit/recursive-alias.test.ts); the fuzzer must not count it either way.
  it('reports no failure of ours for a self-referencing alias', async () => {
    const env = createEnvironment();
    await env.service.completion({ uri: 'file:///alias.yaml', version: 1, text: SELF_REFERENCE }, POSITION, env.settings[0]);
    assert.deepEqual(env.ruleFailures, []);
  });

  it('looks past the yaml library to the caller: ours counts, yaml-language-server does not', () => {
    const yaml = 'node_modules/yaml/dist/visit.js';
    assert.equal(isThirdPartyFeatureFailure('completion', failure(yaml, yaml, 'node_modules/yaml-language-server/out/a.js')), true);
    assert.equal(isThirdPartyFeatureFailure('completion', failure(yaml, 'out/server/src/service/completion.js', 'node_modules/yaml-language-server/out/a.js')), false);
    // Nothing but yaml frames: the caller is unknown, so it counts.
    assert.equal(isThirdPartyFeatureFailure('hover', failure(yaml, yaml)), false);
    // Diagnostics are always ours.
    assert.equal(isThirdPartyFeatureFailure('diagnostics', failure('node_modules/yaml-language-server/out/a.js')), false);
  });
});
