import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Alias, parseDocument } from 'yaml';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { hasRecursiveAlias } from '../../server/src/service/core/recursive-alias';
import { doc, SCHEMAS_DIR, settings } from '../support/service';

const CASES: readonly [yaml: string, recursive: boolean][] = [
  ['a: &x {b: *x}\n', true],
  ['a: &x [1, *x]\n', true],
  ['a: &x\n  b:\n    c:\n    - *x\n', true],
  ['a: &x {b: 1}\nc: *x\n', false],
  ['a: &x [1, 2]\nb: &y [*x, *x]\nc: [*y, *y]\n', false],
  // An alias before its anchor resolves to nothing: not recursive (the parser reports it).
  ['c: *x\na: &x {b: 1}\n', false],
  ['a: 1\n', false],
  // The closest anchor of a name before the alias counts: here *x means the outer, finished `x`, not recursive.
  ['a: &x {b: 1}\nc: &y {d: &x 2, e: *y}\n', true],
  ['a: &x {b: 1}\nc: {d: *x}\nx2: &x {e: 1}\n', false],
];

describe('recursive aliases', () => {
  for (const [yaml, recursive] of CASES) {
    it(`${JSON.stringify(yaml)} → ${recursive}`, () => {
      assert.equal(hasRecursiveAlias(parseDocument(yaml)), recursive);
    });
  }

  // Found by the fuzzer (case 8923 of the default seed): yaml-language-server expanded `*a2`
  // inside the node `&a2` names until the stack overflowed.
  const FUZZ_CASE =
    'alias4: *a2\n# mesh-config: target=v2.1\napiVersion: maistra.io/v2\nkind: &a2 ServiceMeshControlPlane\nmetadata:\n  name: basic\n   version: v2.0\n  runtime: &a2\n    components:\n      prometheus:\n        pod:\n          affinity:\n            podAntiAffinity:\n              requiredDuringSchedulingIgnoredDuringExecution:\n              - labelSelector:\n                  alias9: *a2\n                  matchLabels:\n                    app: prometheus\n                topologyKey: kubernetes.io/hostname\n';

  it('completion and hover answer at every position of a control plane with one, without failing', async () => {
    const failures: string[] = [];
    const service = createMeshLanguageService({
      schemas: folderSchemaSource(SCHEMAS_DIR),
      onRuleFailure: (id, _uri, error) => failures.push(`${id}: ${String(error)}`),
    });
    const input = doc(FUZZ_CASE);
    const lines = FUZZ_CASE.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character++) {
        await service.completion(input, { line, character }, settings());
        await service.hover(input, { line, character }, settings());
      }
    }
    assert.deepEqual([...new Set(failures)], []);
  });

  it('decides in one walk, without asking the yaml package to resolve each alias (that scans the document per alias)', () => {
    const original = Alias.prototype.resolve;
    let calls = 0;
    Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) lines.push(`a${i}: &a${i} {v: ${i}}\nb${i}: *a${i}\n`);
      assert.equal(hasRecursiveAlias(parseDocument(lines.join(''))), false);
    } finally {
      Alias.prototype.resolve = original;
    }
    assert.equal(calls, 0);
  });
});
