import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Pair, YAMLMap, YAMLSeq } from 'yaml';
import { asMap, asSeq, findPair, getNode, PathSegment } from '../../server/src/service/core/ast';
import { parseSection, ParsedSection } from '../../server/src/service/core/documents';
import { applyEdits } from '../../server/src/service/edits/edits';
import {
  insertAtPath,
  insertPair,
  removeItem,
  removeItems,
  removePair,
  renameKey,
  replacePair,
  replaceScalar,
  replaceValue,
} from '../../server/src/service/edits/yaml-edits';
import type { SectionEdit } from '../../server/src/service/rules/types';

/** Input text → exact output text, for every edit primitive and YAML shape. */
interface Case {
  readonly name: string;
  readonly input: string;
  readonly edit: (section: ParsedSection) => SectionEdit | readonly SectionEdit[] | undefined;
  /** Exact text after the edit, or undefined when the primitive must refuse. */
  readonly output: string | undefined;
}

function root(section: ParsedSection): YAMLMap {
  const map = asMap(section.doc.contents);
  if (!map) throw new Error('test input is not a mapping');
  return map;
}

function pairAt(section: ParsedSection, path: readonly PathSegment[]): Pair {
  const parent = path.length === 1 ? root(section) : getNode(root(section), path.slice(0, -1));
  const pair = findPair(asMap(parent), String(path[path.length - 1]));
  if (!pair) throw new Error(`no pair at ${path.join('.')}`);
  return pair;
}

function seqAt(section: ParsedSection, path: readonly PathSegment[]): YAMLSeq {
  const seq = asSeq(getNode(root(section), path));
  if (!seq) throw new Error(`no list at ${path.join('.')}`);
  return seq;
}

function mapAt(section: ParsedSection, path: readonly PathSegment[]): YAMLMap {
  const map = path.length === 0 ? root(section) : asMap(getNode(root(section), path));
  if (!map) throw new Error(`no map at ${path.join('.')}`);
  return map;
}

const remove = (path: PathSegment[], removeEmptyParent = false) => (s: ParsedSection) =>
  removePair(s, pairAt(s, path), { removeEmptyParent });
const rename = (path: PathSegment[], key: string) => (s: ParsedSection) => renameKey(pairAt(s, path), key);
const removeAt = (path: PathSegment[], indices: number[], removeEmptyParent = false) => (s: ParsedSection) => {
  const seq = seqAt(s, path);
  return removeItems(s, seq, indices.map((i) => seq.items[i]), { removeEmptyParent });
};

const CASES: Case[] = [
  // --- replaceValue (raw text) and replaceScalar (keeps the quoting style)
  { name: 'value: plain', input: 'type: Mixer # old\n', edit: (s) => replaceValue(pairAt(s, ['type']).value, 'Istiod'), output: 'type: Istiod # old\n' },
  { name: 'value: raw text replaces quotes too', input: 'enabled: "false"\n', edit: (s) => replaceValue(pairAt(s, ['enabled']).value, 'true'), output: 'enabled: true\n' },
  { name: 'value: in a flow map', input: 'a: {type: Mixer, x: 1}\n', edit: (s) => replaceValue(pairAt(s, ['a', 'type']).value, 'Istiod'), output: 'a: {type: Istiod, x: 1}\n' },
  { name: 'value: CRLF', input: 'a:\r\n  type: Mixer\r\n  b: 1\r\n', edit: (s) => replaceValue(pairAt(s, ['a', 'type']).value, 'Istiod'), output: 'a:\r\n  type: Istiod\r\n  b: 1\r\n' },
  { name: 'scalar: double quotes kept', input: 'type: "Mixer"\n', edit: (s) => replaceScalar(pairAt(s, ['type']).value, 'Istiod'), output: 'type: "Istiod"\n' },
  { name: 'scalar: single quotes kept', input: "type: 'Mixer' # c\n", edit: (s) => replaceScalar(pairAt(s, ['type']).value, "it's"), output: "type: 'it''s' # c\n" },
  { name: 'scalar: plain stays plain', input: 'v: v2.0\n', edit: (s) => replaceScalar(pairAt(s, ['v']).value, 'v2.1'), output: 'v: v2.1\n' },
  { name: 'scalar: plain gets quotes when the string would read as something else', input: 'v: x\n', edit: (s) => replaceScalar(pairAt(s, ['v']).value, 'true'), output: 'v: "true"\n' },
  { name: 'scalar: in a flow list', input: 'l: [a, "b"]\n', edit: (s) => replaceScalar(seqAt(s, ['l']).items[1], 'c'), output: 'l: [a, "c"]\n' },

  // --- renameKey
  { name: 'rename: plain', input: 'a:\n  ipBlocks: [1.2.3.4] # c\n', edit: rename(['a', 'ipBlocks'], 'remoteIpBlocks'), output: 'a:\n  remoteIpBlocks: [1.2.3.4] # c\n' },
  {
    name: 'rename: double-quoted key keeps its quotes',
    input: 'annotations:\n  "sidecar.maistra.io/proxyCPULimit": "500m"\n',
    edit: rename(['annotations', 'sidecar.maistra.io/proxyCPULimit'], 'sidecar.istio.io/proxyCPULimit'),
    output: 'annotations:\n  "sidecar.istio.io/proxyCPULimit": "500m"\n',
  },
  {
    name: 'rename: single-quoted key keeps its quotes',
    input: "annotations: {'sidecar.maistra.io/proxyMemoryLimit': 1Gi}\n",
    edit: rename(['annotations', 'sidecar.maistra.io/proxyMemoryLimit'], 'sidecar.istio.io/proxyMemoryLimit'),
    output: "annotations: {'sidecar.istio.io/proxyMemoryLimit': 1Gi}\n",
  },
  { name: 'rename: in a flow map', input: 'm: {a: 1, b: 2}\n', edit: rename(['m', 'b'], 'c'), output: 'm: {a: 1, c: 2}\n' },
  { name: 'rename: plain key that needs quotes gets them', input: 'm:\n  a: 1\n', edit: rename(['m', 'a'], 'x: y'), output: 'm:\n  "x: y": 1\n' },
  { name: 'rename: first key of a list item', input: 'l:\n  - ipBlocks: [a]\n    x: 1\n', edit: rename(['l', 0, 'ipBlocks'], 'remoteIpBlocks'), output: 'l:\n  - remoteIpBlocks: [a]\n    x: 1\n' },

  // --- removePair, block
  {
    name: 'remove: middle key with trailing comment, comments above and below stay',
    input: 'spec:\n  # about a\n  a: 1\n  # about b\n  b: 2 # b note\n  # about c\n  c: 3\n',
    edit: remove(['spec', 'b']),
    output: 'spec:\n  # about a\n  a: 1\n  # about b\n  # about c\n  c: 3\n',
  },
  {
    name: 'remove: nested block value with comments inside and deeper trailing comments',
    input: 'policy:\n  type: Mixer\n  mixer:\n    # inside\n    enableChecks: true\n    failOpen: false # why\n    # commented: out\n  # about next\n  next: 1\n',
    edit: remove(['policy', 'mixer']),
    output: 'policy:\n  type: Mixer\n  # about next\n  next: 1\n',
  },
  { name: 'remove: last key of the file without newline', input: 'a: 1\nb: 2', edit: remove(['b']), output: 'a: 1\n' },
  { name: 'remove: CRLF', input: 'a:\r\n  x: 1\r\n  y:\r\n    - 2\r\n  z: 3\r\n', edit: remove(['a', 'y']), output: 'a:\r\n  x: 1\r\n  z: 3\r\n' },
  { name: 'remove: block scalar value', input: 'a:\n  x: |\n    line 1\n    line 2\n  y: 1\n', edit: remove(['a', 'x']), output: 'a:\n  y: 1\n' },
  { name: 'remove: quoted key', input: 'm:\n  "status.sidecar.istio.io/port": "0"\n  k: v\n', edit: remove(['m', 'status.sidecar.istio.io/port']), output: 'm:\n  k: v\n' },
  { name: 'remove: first key of a document with a BOM keeps the BOM', input: '\uFEFFa: 1\nb: 2\n', edit: remove(['a']), output: '\uFEFFb: 2\n' },
  { name: 'remove: key under a document marker', input: '---\na: 1\nb: 2\n', edit: remove(['a']), output: '---\nb: 2\n' },

  // --- removePair, list items
  { name: 'remove: first key of a list item hands over the dash', input: 'l:\n  - name: x\n    port: 80\n', edit: remove(['l', 0, 'name']), output: 'l:\n  - port: 80\n' },
  {
    name: 'remove: first key with a nested value',
    input: 'l:\n- name:\n    deep: 1\n  port: 80\n- name: y\n',
    edit: remove(['l', 0, 'name']),
    output: 'l:\n- port: 80\n- name: y\n',
  },
  { name: 'remove: second key of a list item', input: 'l:\n  - name: x\n    port: 80\n    x: 1\n', edit: remove(['l', 0, 'port']), output: 'l:\n  - name: x\n    x: 1\n' },
  { name: 'remove: only key of a list item leaves {}', input: 'l:\n  - name: x\n  - name: y\n', edit: remove(['l', 0, 'name']), output: 'l:\n  - {}\n  - name: y\n' },
  {
    name: 'remove: only key of a list item, parent removal asked: the item goes',
    input: 'l:\n  - name: x\n  - name: y\n',
    edit: remove(['l', 0, 'name'], true),
    output: 'l:\n  - name: y\n',
  },

  // --- removePair, flow
  { name: 'remove: flow map first entry', input: 'm: {a: 1, b: 2, c: 3}\n', edit: remove(['m', 'a']), output: 'm: {b: 2, c: 3}\n' },
  { name: 'remove: flow map middle entry', input: 'm: {a: 1, b: 2, c: 3}\n', edit: remove(['m', 'b']), output: 'm: {a: 1, c: 3}\n' },
  { name: 'remove: flow map last entry', input: 'm: {a: 1, b: 2, c: 3}\n', edit: remove(['m', 'c']), output: 'm: {a: 1, b: 2}\n' },
  { name: 'remove: flow map with quoted keys', input: 'm: {"a.b/c": "1", d: 2}\n', edit: remove(['m', 'a.b/c']), output: 'm: {d: 2}\n' },
  { name: 'remove: multi-line flow map', input: 'm: {\n  a: 1,\n  b: 2\n}\n', edit: remove(['m', 'b']), output: 'm: {\n  a: 1\n}\n' },
  { name: 'remove: only entry of a flow map', input: 'm: {a: 1}\nn: 2\n', edit: remove(['m', 'a']), output: 'm: {}\nn: 2\n' },
  { name: 'remove: only entry of a flow map, parent removal asked', input: 'm: {a: 1}\nn: 2\n', edit: remove(['m', 'a'], true), output: 'n: 2\n' },

  // --- last key of a block map
  {
    name: 'remove: last key leaves {} and keeps comments',
    input: 'meta:\n  annotations: # note\n    # own\n    a: 1\n  labels: {}\n',
    edit: remove(['meta', 'annotations', 'a']),
    output: 'meta:\n  annotations: {} # note\n    # own\n  labels: {}\n',
  },
  {
    name: 'remove: last key with parent removal asked cascades to the emptied parents',
    input: 'spec:\n  x: 1\n  a:\n    b:\n      c: 1\n',
    edit: remove(['spec', 'a', 'b', 'c'], true),
    output: 'spec:\n  x: 1\n',
  },
  {
    name: 'remove: last key, CRLF',
    input: 'meta:\r\n  annotations:\r\n    a: 1\r\n  name: x\r\n',
    edit: remove(['meta', 'annotations', 'a']),
    output: 'meta:\r\n  annotations: {}\r\n  name: x\r\n',
  },

  // --- replacePair
  { name: 'replacePair: same indentation', input: 'p:\n  mixer:\n    a: 1\n  b: 2\n', edit: (s) => replacePair(s, pairAt(s, ['p', 'mixer']), ['type: Istiod']), output: 'p:\n  type: Istiod\n  b: 2\n' },
  { name: 'replacePair: CRLF, several lines', input: 'p:\r\n  mixer: 1\r\n', edit: (s) => replacePair(s, pairAt(s, ['p', 'mixer']), ['a: 1', 'b: 2']), output: 'p:\r\n  a: 1\r\n  b: 2\r\n' },
  { name: 'replacePair: after a list dash', input: 'l:\n  - mixer: 1\n    x: 2\n', edit: (s) => replacePair(s, pairAt(s, ['l', 0, 'mixer']), ['a: 1', 'b: 2']), output: 'l:\n  - a: 1\n    b: 2\n    x: 2\n' },

  // --- list items
  {
    name: 'items: block list, comments on other items stay',
    input: 'cipherSuites:\n  # keep these\n  - A # strong\n  - B # weak\n  - C\n',
    edit: removeAt(['cipherSuites'], [1]),
    output: 'cipherSuites:\n  # keep these\n  - A # strong\n  - C\n',
  },
  { name: 'items: block list at the key indentation', input: 'l:\n- A\n- B\nx: 1\n', edit: removeAt(['l'], [0]), output: 'l:\n- B\nx: 1\n' },
  { name: 'items: block list, several', input: 'l:\n  - A\n  - B\n  - C\n  - D\n', edit: removeAt(['l'], [0, 2, 3]), output: 'l:\n  - B\n' },
  { name: 'items: list of maps', input: 'l:\n  - name: a\n    port: 1\n  - name: b\n', edit: removeAt(['l'], [0]), output: 'l:\n  - name: b\n' },
  { name: 'items: all removed leaves []', input: 'tls:\n  cipherSuites:\n    - A\n    - B\n  x: 1\n', edit: removeAt(['tls', 'cipherSuites'], [0, 1]), output: 'tls:\n  cipherSuites: []\n  x: 1\n' },
  { name: 'items: all removed with parent removal', input: 'tls:\n  cipherSuites:\n    - A\n    - B\n  x: 1\n', edit: removeAt(['tls', 'cipherSuites'], [0, 1], true), output: 'tls:\n  x: 1\n' },
  { name: 'items: flow first', input: 'l: [A, B, C]\n', edit: removeAt(['l'], [0]), output: 'l: [B, C]\n' },
  { name: 'items: flow last', input: 'l: [A, B, C]\n', edit: removeAt(['l'], [2]), output: 'l: [A, B]\n' },
  { name: 'items: flow last two', input: 'l: [A, B, C]\n', edit: removeAt(['l'], [1, 2]), output: 'l: [A]\n' },
  { name: 'items: flow first and last', input: 'l: ["A", "B", "C"]\n', edit: removeAt(['l'], [0, 2]), output: 'l: ["B"]\n' },
  { name: 'items: flow all', input: 'l: [A, B]\n', edit: removeAt(['l'], [0, 1]), output: 'l: []\n' },
  { name: 'items: flow all with parent removal', input: 'x: 1\nl: [A, B]\n', edit: removeAt(['l'], [0, 1], true), output: 'x: 1\n' },
  { name: 'items: CRLF', input: 'l:\r\n  - A\r\n  - B\r\n', edit: removeAt(['l'], [0]), output: 'l:\r\n  - B\r\n' },
  { name: 'items: single via removeItem', input: 'l:\n  - A\n  - B\n', edit: (s) => removeItem(s, seqAt(s, ['l']), seqAt(s, ['l']).items[1]), output: 'l:\n  - A\n' },

  // --- insertPair / insertAtPath
  {
    name: 'insert: first goes above the comments of the first key',
    input: 'spec:\n  # Mixer settings\n  policy:\n    type: Istiod\n',
    edit: (s) => insertPair(s, mapAt(s, ['spec']), 'version', 'v2.6', { first: true }),
    output: 'spec:\n  version: v2.6\n  # Mixer settings\n  policy:\n    type: Istiod\n',
  },
  {
    name: 'insert: last goes after the deeper comments of the last key',
    input: 'spec:\n  a:\n    b: 1\n    # inside a\n# top level note\nstatus: {}\n',
    edit: (s) => insertPair(s, mapAt(s, ['spec']), 'version', 'v2.6'),
    output: 'spec:\n  a:\n    b: 1\n    # inside a\n  version: v2.6\n# top level note\nstatus: {}\n',
  },
  { name: 'insert: after a key', input: 'm:\n    a: 1\n    c: 3\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', '2', { after: 'a' }), output: 'm:\n    a: 1\n    b: 2\n    c: 3\n' },
  { name: 'insert: nested lines', input: 'm:\n  a: 1\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', ['c: 1', 'd:', '  e: 2']), output: 'm:\n  a: 1\n  b:\n    c: 1\n    d:\n      e: 2\n' },
  { name: 'insert: at end of file without newline', input: 'a: 1', edit: (s) => insertPair(s, mapAt(s, []), 'b', '2'), output: 'a: 1\nb: 2' },
  { name: 'insert: CRLF', input: 'm:\r\n  a: 1\r\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', '2'), output: 'm:\r\n  a: 1\r\n  b: 2\r\n' },
  { name: 'insert: flow map', input: 'm: {a: 1}\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', '2'), output: 'm: {a: 1, b: 2}\n' },
  { name: 'insert: flow map first', input: 'm: {a: 1}\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', '2', { first: true }), output: 'm: {b: 2, a: 1}\n' },
  { name: 'insert: empty flow map', input: 'm: {}\n', edit: (s) => insertPair(s, mapAt(s, ['m']), 'b', '2'), output: 'm: {b: 2}\n' },
  { name: 'insert: first key of a list item', input: 'l:\n  - name: x\n', edit: (s) => insertPair(s, mapAt(s, ['l', 0]), 'port', '80', { first: true }), output: 'l:\n  - port: 80\n    name: x\n' },
  { name: 'insert: after a list item key', input: 'l:\n  - name: x\n  - name: y\n', edit: (s) => insertPair(s, mapAt(s, ['l', 0]), 'port', '80'), output: 'l:\n  - name: x\n    port: 80\n  - name: y\n' },
  {
    name: 'insertAtPath: into an existing map',
    input: 'kind: X\nspec:\n  a: 1\n',
    edit: (s) => insertAtPath(s, root(s), ['spec', 'version'], 'v2.6', { first: true }),
    output: 'kind: X\nspec:\n  version: v2.6\n  a: 1\n',
  },
  { name: 'insertAtPath: creates the missing maps', input: 'kind: X\n', edit: (s) => insertAtPath(s, root(s), ['spec', 'version'], 'v2.6'), output: 'kind: X\nspec:\n  version: v2.6\n' },
  { name: 'insertAtPath: under a key with no value', input: 'kind: X\nspec: # empty\nz: 1\n', edit: (s) => insertAtPath(s, root(s), ['spec', 'version'], 'v2.6'), output: 'kind: X\nspec: # empty\n  version: v2.6\nz: 1\n' },
  { name: 'insertAtPath: refuses an existing path', input: 'spec:\n  version: v2.0\n', edit: (s) => insertAtPath(s, root(s), ['spec', 'version'], 'v2.6'), output: undefined },
  { name: 'insertAtPath: refuses a path through a scalar', input: 'spec: 1\n', edit: (s) => insertAtPath(s, root(s), ['spec', 'version'], 'v2.6'), output: undefined },
];

describe('yaml edit primitives: input → exact output', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const section = parseSection(c.input);
      assert.deepEqual(section.doc.errors, [], 'test input must parse');
      const result = c.edit(section);
      if (c.output === undefined) {
        assert.equal(result, undefined);
        return;
      }
      assert.ok(result, 'the primitive refused');
      const edits = Array.isArray(result) ? result : [result as SectionEdit];
      const output = applyEdits(c.input, edits);
      assert.equal(output, c.output);
      assert.deepEqual(parseSection(output).doc.errors, [], 'output must parse');
    });
  }
});
