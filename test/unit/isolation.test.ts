import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import {
  ClientActions,
  createServerErrorHandler,
  GAVE_UP_MESSAGE,
  MAX_RESTARTS,
  RESTART_WINDOW_MS,
  RESTARTED_MESSAGE,
} from '../../client/src/error-handler';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { getNode, nodeSpan } from '../../server/src/service/core/ast';
import { RULES } from '../../server/src/service/rules/registry';
import type { Rule } from '../../server/src/service/rules/types';
import { doc, isSmcpAdvice, SCHEMAS_DIR, settings } from '../support/service';

const SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
spec:
  version: v2.0
  policy:
    type: Mixer
  tracingg: {}
`;

function rule(id: string, check: Rule['check'], fix?: Rule['fix']): Rule {
  return {
    meta: { id, category: 'invalid', severity: 'warning', appliesTo: { groups: ['*'] }, fixable: !!fix, summary: id },
    check,
    ...(fix ? { fix } : {}),
  };
}

const throwing = rule('always-throws', () => {
  throw new Error('boom');
});
/** Reports, then throws: what it reported must not reach the user either. */
const halfway = rule('reports-then-throws', (ctx) => {
  ctx.report({ span: [0, 10], message: 'half a result' });
  throw new TypeError('late failure');
});
const versionRule = rule(
  'flags-version',
  (ctx) => {
    const span = nodeSpan(getNode(ctx.resource.root, ['spec', 'version']));
    if (span) ctx.report({ span, message: 'version seen' });
  },
  () => {
    throw new Error('fix exploded');
  },
);

function serviceWith(rules: readonly Rule[], schemas = folderSchemaSource(SCHEMAS_DIR)) {
  const failures: { id: string; uri: string; message: string }[] = [];
  const service = createMeshLanguageService({
    schemas,
    rules,
    onRuleFailure: (id, uri, error) => failures.push({ id, uri, message: error instanceof Error ? error.message : String(error) }),
  });
  return { service, failures };
}

describe('failure isolation', () => {
  it('skips a throwing rule, reports it once per document with its id, and runs every other rule and the schema', () => {
    const { service, failures } = serviceWith([throwing, ...RULES, halfway]);
    const first = doc(SMCP, 'file:///work/a.yaml');
    const codes = service.diagnostics(first, settings()).map((d) => d.code);
    assert.ok(codes.includes('smcp-mixer-policy-removed'), codes.join());
    assert.ok(codes.includes('schema-unknown-field'), codes.join());
    assert.ok(!codes.includes('reports-then-throws'), 'findings of a rule that threw are dropped');
    assert.deepEqual(
      failures.map((f) => `${f.id} ${f.uri} ${f.message}`),
      ['always-throws file:///work/a.yaml boom', 'reports-then-throws file:///work/a.yaml late failure'],
    );

    // Typing in the same document does not report the same failure again...
    service.diagnostics({ ...first, version: 2, text: SMCP + '# edited\n' }, settings());
    service.diagnostics({ ...first, version: 3, text: SMCP + '# edited again\n' }, settings());
    assert.equal(failures.length, 2);
    // ...but another document does, and so does the same one after it was closed and reopened.
    service.diagnostics(doc(SMCP + '# other\n', 'file:///work/b.yaml'), settings());
    assert.deepEqual(failures.slice(2).map((f) => `${f.id} ${f.uri}`), ['always-throws file:///work/b.yaml', 'reports-then-throws file:///work/b.yaml']);
    service.close('file:///work/a.yaml');
    service.diagnostics({ ...first, version: 4, text: SMCP + '# reopened\n' }, settings());
    assert.equal(failures.length, 6);
  });

  it('names the right document when sliced analyses of two documents interleave', async () => {
    const { service, failures } = serviceWith([throwing]);
    const many = (tag: string) => Array.from({ length: 4 }, (_, i) => SMCP.replace('basic', `${tag}${i}`)).join('---\n');
    await Promise.all([
      service.diagnosticsAsync(doc(many('a'), 'file:///work/first.yaml'), settings(), () => false, 0),
      service.diagnosticsAsync(doc(many('b'), 'file:///work/second.yaml'), settings(), () => false, 0),
    ]);
    assert.deepEqual(failures.map((f) => `${f.id} ${f.uri}`).sort(), ['always-throws file:///work/first.yaml', 'always-throws file:///work/second.yaml']);
  });

  it('keeps the schema layer running when a rule throws', () => {
    const { service } = serviceWith([throwing]);
    const diagnostics = service.diagnostics(doc(SMCP), settings()).filter((d) => !isSmcpAdvice(d.code));
    // The rule's findings are missing, and the document says so instead of looking clean.
    assert.deepEqual(diagnostics.map((d) => d.code), ['check-skipped', 'schema-unknown-field']);
    assert.match(diagnostics[0].message, /could not run the rule `[^`]+` on this document \(.+\); its findings may be missing/);
  });

  it('offers the other code actions when a rule fix throws, and reports it', async () => {
    const { service, failures } = serviceWith([versionRule]);
    const input = doc(SMCP, 'file:///work/fix.yaml');
    const diagnostic = service.diagnostics(input, settings()).find((d) => d.code === 'flags-version');
    assert.ok(diagnostic);
    const actions = service.codeActions(input, diagnostic.range, { diagnostics: [diagnostic] }, settings());
    assert.ok(actions.some((a) => a.title === 'Disable flags-version for this line'), actions.map((a) => a.title).join());
    assert.deepEqual(failures.map((f) => `${f.id}: ${f.message}`), ['flags-version: fix exploded']);
    assert.doesNotThrow(() => service.fixAll(input, settings()));
  });

  it('offers no disable comment that would break the YAML, and none that would silence nothing', () => {
    // The finding sits on the second line of a multi-line plain scalar: a comment line there would end the scalar.
    const text = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\n  annotations:\n    note: first\n      second - # mesh-config: target=v9\n';
    const onContinuation = rule('on-continuation', (ctx) => {
      const at = ctx.section.text.indexOf('second');
      ctx.report({ span: [at, at + 6], message: 'continuation' });
    });
    const { service } = serviceWith([onContinuation]);
    const input = doc(text);
    const diagnostics = service.diagnostics(input, settings());
    const titles = (code: string) => {
      const d = diagnostics.find((x) => x.code === code);
      assert.ok(d, code);
      return service.codeActions(input, d.range, { diagnostics: [d] }, settings()).map((a) => a.title);
    };
    assert.deepEqual(titles('on-continuation'), ['Disable on-continuation for this document', 'Show documentation for on-continuation']);
    // The target comment is read from the whole file, outside suppression comments.
    assert.deepEqual(titles('invalid-target-comment'), ['Show documentation for invalid-target-comment']);
  });

  it('keeps every rule running when schema files cannot be read', async () => {
    const broken = {
      read(relativePath: string) {
        if (relativePath === 'catalog.json') return fs.readFileSync(path.join(SCHEMAS_DIR, relativePath), 'utf8');
        throw new Error(`disk error reading ${relativePath}`);
      },
    };
    const { service, failures } = serviceWith(RULES, broken);
    const input = doc(SMCP, 'file:///work/noschema.yaml');
    const diagnostics = service.diagnostics(input, settings()).filter((d) => !isSmcpAdvice(d.code));
    assert.deepEqual(diagnostics.map((d) => d.code), ['check-skipped', 'smcp-mixer-policy-removed']);
    assert.match(diagnostics[0].message, /could not run the schema check on this document \(disk error reading .+\)/);
    assert.deepEqual(failures.map((f) => f.id), ['schema']);
    assert.match(failures[0].message, /disk error/);
    // Completion and hover have nothing to offer without schemas, but they answer.
    await service.completion(input, { line: 6, character: 4 }, settings());
    await service.hover(input, { line: 7, character: 8 }, settings());
  });

  it('keeps every rule running when the schema catalog itself is unreadable or garbage', () => {
    for (const read of [() => '{ not json', () => { throw new Error('gone'); }]) {
      const { service, failures } = serviceWith(RULES, { read });
      const codes = service.diagnostics(doc(SMCP), settings()).filter((d) => !isSmcpAdvice(d.code)).map((d) => d.code);
      assert.deepEqual(codes, ['smcp-mixer-policy-removed']);
      assert.deepEqual(failures.map((f) => f.id), ['schema']);
    }
  });
});

describe('the client when the server dies', () => {
  // vscode-languageclient's enum values (it cannot be loaded outside VS Code).
  const actions = { ErrorAction: { Continue: 1, Shutdown: 2 }, CloseAction: { DoNotRestart: 1, Restart: 2 } } as unknown as ClientActions;

  function handler() {
    let clock = 0;
    const told: string[] = [];
    const errorHandler = createServerErrorHandler(actions, { notify: (message) => told.push(message), now: () => clock });
    return { errorHandler, told, advance: (ms: number) => (clock += ms) };
  }

  it('restarts the server and tells the user once, not on every crash', async () => {
    const { errorHandler, told, advance } = handler();
    for (let crash = 0; crash < MAX_RESTARTS; crash++) {
      const result = await errorHandler.closed();
      assert.equal(result.action, actions.CloseAction.Restart);
      assert.equal(result.handled, true);
      advance(1000);
    }
    assert.deepEqual(told, [RESTARTED_MESSAGE]);
  });

  it('stops restarting a server that keeps dying, and says so once', async () => {
    const { errorHandler, told } = handler();
    const results = [];
    for (let crash = 0; crash < MAX_RESTARTS + 3; crash++) results.push((await errorHandler.closed()).action);
    assert.deepEqual(results.slice(0, MAX_RESTARTS), Array(MAX_RESTARTS).fill(actions.CloseAction.Restart));
    assert.deepEqual(results.slice(MAX_RESTARTS), Array(3).fill(actions.CloseAction.DoNotRestart));
    assert.deepEqual(told, [RESTARTED_MESSAGE, GAVE_UP_MESSAGE]);
  });

  it('keeps restarting when crashes are far apart', async () => {
    const { errorHandler, advance } = handler();
    for (let crash = 0; crash < MAX_RESTARTS * 3; crash++) {
      assert.equal((await errorHandler.closed()).action, actions.CloseAction.Restart);
      advance(RESTART_WINDOW_MS / 2);
    }
  });

  it('rides out a few connection errors and shuts down on a stream of them', async () => {
    const { errorHandler } = handler();
    assert.equal((await errorHandler.error(new Error('bad message'), undefined, 1)).action, actions.ErrorAction.Continue);
    assert.equal((await errorHandler.error(new Error('bad message'), undefined, 3)).action, actions.ErrorAction.Continue);
    assert.equal((await errorHandler.error(new Error('pipe closed'), undefined, 4)).action, actions.ErrorAction.Shutdown);
  });
});
