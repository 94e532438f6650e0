import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { CodeAction, CodeActionKind, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../server/src/service';
import { doc, settings, testService } from '../support/service';

const MIXER_SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
  namespace: istio-system
spec:
  version: v2.0
  policy:
    type: Mixer # old
    mixer:
      enableChecks: true
  telemetry:
    type: Istiod
`;

const SME = `apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo
---
apiVersion: maistra.io/v1
kind: ServiceMeshExtension
metadata:
  name: header-append
  namespace: bookinfo
spec:
  image: quay.io/example/header-append:1.0
  phase: PostAuthZ
`;

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), edits);
}

function actionsFor(text: string, only?: string[], at?: { line: number; character: number }) {
  const input = doc(text);
  const diagnostics = testService().diagnostics(input, settings());
  const position = at ?? { line: 0, character: 0 };
  const actions = testService().codeActions(input, { start: position, end: position }, { diagnostics, only }, settings());
  return { input, diagnostics, actions };
}

function editOf(action: CodeAction | undefined, uri: string): TextEdit[] {
  assert.ok(action?.edit?.changes?.[uri], `no edit in ${JSON.stringify(action)}`);
  return action.edit.changes[uri];
}

describe('quick fixes and fix-all', () => {
  it('offers the rule fix as a preferred quick fix, with disable and documentation actions', () => {
    const { actions } = actionsFor(MIXER_SMCP);
    const change = actions.find((a) => a.title === 'Change policy.type to Istiod');
    assert.equal(change?.kind, CodeActionKind.QuickFix);
    assert.equal(change?.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable smcp-mixer-policy-removed for this line' && a.kind === CodeActionKind.QuickFix));
    assert.ok(actions.some((a) => a.title === 'Disable smcp-mixer-policy-removed for this document'));
    assert.ok(actions.some((a) => a.title === 'Show documentation for smcp-mixer-policy-removed' && a.command?.arguments?.[0] === 'smcp-mixer-policy-removed'));
  });

  it('offers "Fix all" for a rule with more than one fixable finding, once', () => {
    const { input, actions } = actionsFor(MIXER_SMCP);
    const perRule = actions.filter((a) => a.title === "Fix all 'smcp-mixer-policy-removed' problems in this file");
    assert.equal(perRule.length, 1);
    const fixed = apply(MIXER_SMCP, editOf(perRule[0], input.uri));
    assert.equal(fixed, MIXER_SMCP.replace('type: Mixer # old', 'type: Istiod # old').replace('    mixer:\n      enableChecks: true\n', ''));
  });

  it('leaves the per-rule fix-all edit to codeAction/resolve when the client resolves, with the same result', () => {
    const input = doc(MIXER_SMCP);
    const diagnostics = testService().diagnostics(input, settings());
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const eager = testService().codeActions(input, at, { diagnostics }, settings());
    const lazy = testService().codeActions(input, at, { diagnostics, resolveEdits: true }, settings());
    const title = "Fix all 'smcp-mixer-policy-removed' problems in this file";
    const unresolved = lazy.find((a) => a.title === title);
    assert.ok(unresolved && !unresolved.edit, JSON.stringify(unresolved));
    // Only the per-rule fix-all is deferred; cheap quick fixes keep their edits.
    assert.ok(lazy.find((a) => a.title === 'Change policy.type to Istiod')?.edit);
    const resolved = testService().resolveCodeAction(input, JSON.parse(JSON.stringify(unresolved)) as CodeAction, settings());
    assert.deepEqual(resolved.edit, eager.find((a) => a.title === title)?.edit);
  });

  it('resolves an action for another document to itself, without an edit', () => {
    const { actions } = actionsFor(MIXER_SMCP);
    const lazy = testService().codeActions(doc(MIXER_SMCP, 'file:///a.yaml'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: testService().diagnostics(doc(MIXER_SMCP, 'file:///a.yaml'), settings()), resolveEdits: true }, settings());
    const unresolved = lazy.find((a) => a.title.startsWith('Fix all '))!;
    assert.equal(testService().resolveCodeAction(doc(MIXER_SMCP, 'file:///b.yaml'), unresolved, settings()).edit, undefined);
    assert.ok(actions.length > 0);
  });

  it('does not offer a per-rule fix-all for a single finding', () => {
    const single = MIXER_SMCP.replace('    mixer:\n      enableChecks: true\n', '');
    assert.ok(!actionsFor(single).actions.some((a) => a.title.startsWith('Fix all ')));
  });

  it('returns source.fixAll.meshConfig only when asked for through context.only', () => {
    assert.ok(!actionsFor(MIXER_SMCP).actions.some((a) => a.kind === FIX_ALL_KIND));
    const { input, actions } = actionsFor(MIXER_SMCP, [FIX_ALL_KIND]);
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
    assert.equal(apply(MIXER_SMCP, editOf(actions[0], input.uri)), testService().fixAll(input, settings()).text);
    assert.ok(actionsFor(MIXER_SMCP, ['source']).actions.some((a) => a.kind === FIX_ALL_KIND));
  });

  it('fix-all twice equals fix-all once, and it keeps the comment', () => {
    const once = testService().fixAll(doc(MIXER_SMCP), settings()).text;
    assert.match(once, /type: Istiod # old/);
    assert.equal(testService().fixAll(doc(once), settings()).text, once);
  });

  it('extends an existing disable-next-line comment instead of adding another (CRLF kept)', () => {
    const text = MIXER_SMCP.replace('    type: Mixer # old\n', '    # mesh-config-disable-next-line schema-invalid-value\n    type: Mixer # old\n').replace(/\n/g, '\r\n');
    const { input, actions } = actionsFor(text);
    const disable = actions.find((a) => a.title === 'Disable smcp-mixer-policy-removed for this line');
    const fixed = apply(text, editOf(disable, input.uri));
    assert.match(fixed, /\r\n {4}# mesh-config-disable-next-line schema-invalid-value, smcp-mixer-policy-removed\r\n {4}type: Mixer/);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line still ends with CRLF');
    const after = testService().diagnostics(doc(fixed), settings());
    assert.ok(!after.some((d) => d.code === 'smcp-mixer-policy-removed' && d.range.start.line === 9));
  });

  it('adds a disable-for-document comment below the document marker, with the file\'s line ending', () => {
    const text = ('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n' + MIXER_SMCP).replace(/\n/g, '\r\n');
    const { input, actions } = actionsFor(text);
    const disable = actions.find((a) => a.title === 'Disable smcp-mixer-policy-removed for this document');
    const fixed = apply(text, editOf(disable, input.uri));
    assert.match(fixed, /\r\n---\r\n# mesh-config-disable smcp-mixer-policy-removed\r\napiVersion: maistra.io\/v2\r\n/);
    assert.ok(!testService().diagnostics(doc(fixed), settings()).some((d) => d.code === 'smcp-mixer-policy-removed'));
  });
});

describe('conversions as refactor.rewrite', () => {
  const smeLine = { line: 9, character: 4 }; // inside metadata of the ServiceMeshExtension

  it('offers the WasmPlugin conversion anywhere in the resource', () => {
    const { input, actions } = actionsFor(SME, undefined, smeLine);
    const convert = actions.find((a) => a.kind === CodeActionKind.RefactorRewrite);
    assert.equal(convert?.title, 'Convert to a WasmPlugin (extensions.istio.io/v1alpha1)');
    const converted = apply(SME, editOf(convert, input.uri));
    assert.match(converted, /^---\napiVersion: extensions.istio.io\/v1alpha1\nkind: WasmPlugin\n/m);
    assert.match(converted, /url: oci:\/\/quay.io\/example\/header-append:1.0\n {2}phase: STATS\n/);
    assert.ok(converted.startsWith('apiVersion: v1\nkind: Namespace\n'), 'the other document is untouched');
  });

  it('respects context.only and is never part of fix-all', () => {
    assert.ok(!actionsFor(SME, [CodeActionKind.QuickFix], smeLine).actions.some((a) => a.kind === CodeActionKind.RefactorRewrite));
    assert.ok(actionsFor(SME, [CodeActionKind.Refactor], smeLine).actions.some((a) => a.kind === CodeActionKind.RefactorRewrite));
    assert.ok(!actionsFor(SME, undefined, { line: 1, character: 0 }).actions.some((a) => a.kind === CodeActionKind.RefactorRewrite));
    assert.doesNotMatch(testService().fixAll(doc(SME), settings()).text, /WasmPlugin/);
  });
});

describe('upgrade to the next version', () => {
  const clean = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
  namespace: istio-system
spec:
  version: "v2.0"
  policy:
    type: Istiod
  telemetry:
    type: Istiod
`;
  const versionLine = { line: 6, character: 12 };
  const upgrade = (actions: CodeAction[]) => actions.find((a) => a.title.startsWith('Upgrade to '));

  it('sets the next minor only, keeping the quotes, when nothing blocks it', () => {
    const { input, actions } = actionsFor(clean, undefined, versionLine);
    const action = upgrade(actions);
    assert.equal(action?.title, 'Upgrade to v2.1 (next version)');
    assert.equal(action?.kind, CodeActionKind.RefactorRewrite);
    assert.equal(apply(clean, editOf(action, input.uri)), clean.replace('"v2.0"', '"v2.1"'));
  });

  it('is not offered while an error-severity finding remains for the next version', () => {
    const blocked = clean.replace('    type: Istiod\n  telemetry', '    type: Mixer\n  telemetry');
    assert.equal(upgrade(actionsFor(blocked, undefined, versionLine).actions), undefined);
  });

  it('is only offered on spec.version and never past the newest version', () => {
    assert.equal(upgrade(actionsFor(clean, undefined, { line: 3, character: 2 }).actions), undefined);
    assert.equal(upgrade(actionsFor(clean.replace('"v2.0"', 'v2.6'), undefined, versionLine).actions), undefined);
  });
});

