import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { copyFixture, runCli } from './helpers';

/** Issue #14, item 11: arguments that were accepted silently or answered with a misleading message. */
const REFUSED: readonly [args: string[], message: string][] = [
  [['check', '--target='], '--target needs a value'],
  [['check', '--target', ''], '--target needs a value'],
  [['check', '--target', 'v02.6'], '--target "v02.6" is not a target version; use one of v2.0, v2.1, v2.2, v2.3, v2.4, v2.5, v2.6'],
  [['check', '--target', '2.6'], '--target "2.6" is not a target version; use one of v2.0, v2.1, v2.2, v2.3, v2.4, v2.5, v2.6'],
  [['check', '--max-warnings', '-1'], '--max-warnings must be a whole number of 0 or more, not "-1"'],
  [['check', '--max-warnings=1.5'], '--max-warnings must be a whole number of 0 or more, not "1.5"'],
  [['check', '--max-file-size', '0'], '--max-file-size must be a whole number of 1 or more, not "0"'],
  [['check', '-x.yaml'], 'unknown option -x.yaml (to check a file of that name, put -- before it)'],
];

describe('mesh-config arguments', () => {
  for (const [args, message] of REFUSED) {
    it(`refuses ${JSON.stringify(args.slice(1))}`, () => {
      assert.throws(() => parseArgs(args), (error: unknown) => error instanceof UsageError && error.message === message);
    });
  }

  it('takes everything after -- as a path', () => {
    const parsed = parseArgs(['check', '--quiet', '--', '-x.yaml', '--fix']);
    assert.equal(parsed.command, 'check');
    assert.deepEqual(parsed.command === 'check' && [parsed.paths, parsed.fix, parsed.quiet], [['-x.yaml', '--fix'], false, true]);
  });

  it('keeps --rule ids in a map without a prototype, so __proto__ is just an unknown rule', () => {
    const parsed = parseArgs(['check', '--rule', '__proto__=off', '--rule', 'constructor=warning']);
    assert.ok(parsed.command === 'check');
    assert.deepEqual(Object.entries(parsed.rules), [['__proto__', 'off'], ['constructor', 'warning']]);
  });

  it('rejects unknown rule ids, __proto__ included, on the command line', () => {
    const dir = copyFixture('files');
    for (const id of ['__proto__', 'constructor', 'no-such-rule']) {
      const run = runCli(['check', 'mixer.yaml', '--rule', `${id}=off`], { cwd: dir });
      assert.equal(run.status, 2, id);
      assert.match(run.stderr, new RegExp(`^mesh-config: --rule names an unknown rule "${id}"`), run.stderr);
      assert.equal(run.stdout, '');
    }
  });

  it('checks a file whose name starts with a dash after --', () => {
    const dir = copyFixture('files');
    fs.copyFileSync(path.join(dir, 'mixer.yaml'), path.join(dir, '-x.yaml'));
    const run = runCli(['check', '--target', 'v2.0', '--', '-x.yaml'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 file checked/);
  });

  it('an invalid glob is a path problem with a reason, not an internal error', () => {
    const dir = copyFixture('files');
    const run = runCli(['check', '[z-a].yaml', 'mixer.yaml', '--target', 'v2.0'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'mesh-config: [z-a].yaml: not a valid pattern (range out of order in character class)\n');
    assert.match(run.stdout, /1 file checked/);
  });
});
