import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/service';
import { EXPECTED_DIR } from './helpers';

interface Matcher {
  name: string;
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
}

describe('$mesh-config problem matcher', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } };
  const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'mesh-config');

  it('reads every finding line of the text output, and nothing else', () => {
    assert.ok(matcher, 'package.json contributes a "mesh-config" problem matcher');
    const regexp = new RegExp(matcher.pattern.regexp);
    const lines = fs.readFileSync(path.join(EXPECTED_DIR, 'check.txt'), 'utf8').split('\n');
    const matched = lines.map((line) => regexp.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    assert.equal(matched.length, lines.filter((l) => l.startsWith('  ')).length);
    const first = matched[0];
    assert.deepEqual(
      [first[matcher.pattern.file], first[matcher.pattern.line], first[matcher.pattern.column], first[matcher.pattern.severity], first[matcher.pattern.code]],
      ['control-plane.yaml', '10', '11', 'error', 'smcp-mixer-policy-removed'],
    );
    assert.match(first[matcher.pattern.message], /^Mixer policy was removed in v2\.1/);
  });
});
