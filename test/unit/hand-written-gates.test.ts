import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../support/service';

/**
 * A rule's version gate is data (`meta.gate`), applied by the engine. This test
 * reads every rule module's syntax tree and fails on a gate written by hand
 * again: a `check` or `fix` that begins with an early `return` decided by
 * versions alone, such as `if (!atLeast(maxVersion(…), 'v2.4')) return;`.
 */

const RULES_DIR = path.join(REPO_ROOT, 'server', 'src', 'service', 'rules');

/** Calls that compare versions: a condition needs one of these to be a gate. */
const COMPARISONS = new Set(['atLeast', 'below', 'compareVersions', 'sameVersion']);
/** Calls that only produce versions, so a condition built from them and comparisons asks nothing else. */
const VERSION_SOURCES = new Set(['maxVersion', 'version', 'parseVersion', 'parseKnownVersion', 'smcpVersionOf', 'effectiveSmcpVersion', 'effectiveVersion', 'upgradeVersion', 'fixVersions']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Functions declared in the file, by name, so a gate hidden in a local helper (`applies(context)`) is seen. */
function localFunctions(file: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) found.set(statement.name.text, statement.body);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) found.set(declaration.name.text, init.body);
      }
    }
  }
  return found;
}

/** What a piece of code decides on: whether it compares versions, and whether it calls anything but version functions. */
function decidesOn(node: ts.Node, locals: Map<string, ts.Node>, seen = new Set<string>()): { compares: boolean; other: boolean } {
  let compares = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name !== undefined && COMPARISONS.has(name)) compares = true;
      else if (name !== undefined && locals.has(name) && !seen.has(name)) {
        seen.add(name);
        const inner = decidesOn(locals.get(name)!, locals, seen);
        compares ||= inner.compares;
        other ||= inner.other;
      } else if (name === undefined || !VERSION_SOURCES.has(name)) other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return { compares, other };
}

/** `return;` or `return [];`, alone or as the only statement of a block. */
function isBareReturn(statement: ts.Statement): boolean {
  const inner = ts.isBlock(statement) && statement.statements.length === 1 ? statement.statements[0] : statement;
  if (!ts.isReturnStatement(inner)) return false;
  const value = inner.expression;
  return value === undefined || (ts.isArrayLiteralExpression(value) && value.elements.length === 0);
}

/** The bodies of `check` and `fix`, as methods or as properties holding a function. */
function ruleEntryBodies(file: ts.SourceFile): ts.Block[] {
  const bodies: ts.Block[] = [];
  const visit = (n: ts.Node): void => {
    const named = (name: ts.PropertyName) => ts.isIdentifier(name) && (name.text === 'check' || name.text === 'fix');
    if (ts.isMethodDeclaration(n) && named(n.name) && n.body) bodies.push(n.body);
    if (ts.isPropertyAssignment(n) && named(n.name)) {
      const init = n.initializer;
      if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isBlock(init.body)) bodies.push(init.body);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return bodies;
}

/** `file:line: condition` for every hand-written gate in a module's text. */
function handWrittenGates(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const locals = localFunctions(file);
  const found: string[] = [];
  for (const body of ruleEntryBodies(file)) {
    for (const statement of body.statements) {
      if (!ts.isIfStatement(statement) || statement.elseStatement || !isBareReturn(statement.thenStatement)) continue;
      const { compares, other } = decidesOn(statement.expression, locals);
      if (!compares || other) continue;
      const line = file.getLineAndCharacterOfPosition(statement.getStart(file)).line + 1;
      found.push(`${fileName}:${line}: ${statement.expression.getText(file)}`);
    }
  }
  return found;
}

describe('version gates are data, not code', () => {
  it('no rule module gates itself by version before doing its work (declare `meta.gate` instead)', () => {
    const found = sources(RULES_DIR).flatMap((file) => handWrittenGates(path.relative(REPO_ROOT, file), fs.readFileSync(file, 'utf8')));
    assert.deepEqual(found, []);
  });

  // The detector itself, on the shapes the rules used to have, and on look-alikes that are not gates.
  const CASES: { name: string; text: string; gates: number }[] = [
    {
      name: 'the copied SMCP gate',
      text: `export const r = { meta, check(context) { if (!atLeast(maxVersion(effectiveVersion(context), context.target), 'v2.4')) return; report(); } };`,
      gates: 1,
    },
    {
      name: 'a gate on the target alone, in a check property',
      text: `export const r = { meta, check: (context) => { if (below(context.target, 'v2.1')) return; report(); } };`,
      gates: 1,
    },
    {
      name: 'a gate on a local version, after a declaration',
      text: `export const r = { meta, check(context) { const version = effectiveSmcpVersion(context); if (!atLeast(version, 'v2.0')) return; report(version); } };`,
      gates: 1,
    },
    {
      name: 'a gate hidden in a local helper, in check and in fix',
      text: `function applies(c) { return atLeast(maxVersion(c.smcpVersion ?? c.target, c.target), 'v2.4'); }
             export const r = { meta, check(context) { if (!applies(context)) return; report(); }, fix(context) { if (!applies(fixVersions(context))) return []; return edits(); } };`,
      gates: 2,
    },
    {
      name: 'a guard on the document, not the version',
      text: `export const r = { meta, check(context) { if (!getPair(context.resource.root, PATH)) return; report(); } };`,
      gates: 0,
    },
    {
      name: 'a version choosing between two messages',
      text: `export const r = { meta, check(context) { if (atLeast(context.target, 'v2.3')) { report('removed'); return; } report('deprecated'); } };`,
      gates: 0,
    },
    {
      name: 'a version test mixed with a question about the document',
      text: `export const r = { meta, check(context) { if (!context.smcpVersion || !getPair(root, ['spec']) && below(context.smcpVersion, 'v2.3')) return; report(); } };`,
      gates: 0,
    },
  ];
  for (const { name, text, gates } of CASES) {
    it(`detector: ${name} → ${gates}`, () => {
      assert.equal(handWrittenGates('case.ts', text).length, gates);
    });
  }
});
