import { Random } from './prng';

/** A document change the fuzzer can make; `other` is a second base document to borrow from. */
type Mutation = (text: string, random: Random, other: string) => string;

/** Tokens that mean something to a YAML parser, a template engine or our own rules. */
const YAML_TOKENS = [
  ': ', '- ', '? ', '{', '}', '[', ']', ',', '&anchor ', '*anchor', '<<: *anchor', '!!str ', '!!binary ', '!custom ',
  '|', '|-', '>+', '"', "'", '#', ' # comment', '---', '...', '%YAML 1.2', '%TAG ! tag:x,2000:', '\\', '@', '`',
  '{{ .Values.mesh.version }}', '{{- if .Values.enabled }}', '{{- end }}', '{{ include "x" . | nindent 4 }}',
  'null', '~', 'true', 'NaN', '.inf', '0x1F', '1e400', '-0', '12:30:00', '2024-01-01',
  'apiVersion: maistra.io/v2', 'kind: ServiceMeshControlPlane', 'apiVersion: networking.istio.io/v1beta1',
  'kind: VirtualService', 'spec:', 'version: v2.0', 'policy:\n  type: Mixer', 'mixer:', 'telemetry:\n  type: Mixer',
  'metadata:', 'annotations:', 'sidecar.istio.io/inject: "true"', '$patch: delete', '# mesh-config-disable-next-line',
  '# mesh-config-disable smcp-mixer-policy-removed', '# mesh-config: target=v2.1', '# mesh-config: target=v9',
];

/** Characters that stress offsets and decoders: controls, NUL, CR, BOM, surrogates (paired and lone), wide text. */
const ODD_CHARS = [
  '\u0000', '\u0001', '\u0007', '\u001b', '\t', '\r', '\r\n', '\n', '\u000b', '\u000c', '\u0085', '\u00a0', '\u2028',
  '\u2029', '\ufeff', '\ufffd', '\ud83d\ude00', '\ud83d', '\ude00', '\u4e2d\u6587', '\u00e9', '\u0301', '\u200b', '\uffff',
];

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineIndex(random: Random, count: number): number {
  return random.int(0, Math.max(0, count - 1));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const deleteLines: Mutation = (text, random) => {
  const all = lines(text);
  const at = lineIndex(random, all.length);
  all.splice(at, random.int(1, 3));
  return all.join('');
};

const duplicateLine: Mutation = (text, random) => {
  const all = lines(text);
  const at = lineIndex(random, all.length);
  if (all[at] !== undefined) all.splice(random.int(0, all.length), 0, all[at].endsWith('\n') ? all[at] : all[at] + '\n');
  return all.join('');
};

const swapLines: Mutation = (text, random) => {
  const all = lines(text).map((l) => (l.endsWith('\n') ? l : l + '\n'));
  const a = lineIndex(random, all.length);
  const b = lineIndex(random, all.length);
  [all[a], all[b]] = [all[b], all[a]];
  return all.join('');
};

const reindent: Mutation = (text, random) => {
  const all = lines(text);
  const at = lineIndex(random, all.length);
  const line = all[at];
  if (line === undefined) return text;
  const indent = Math.max(0, indentOf(line) + random.pick([-4, -2, -1, 1, 2, 3, 8]));
  all[at] = ' '.repeat(indent) + line.trimStart();
  return all.join('');
};

const insertTab: Mutation = (text, random) => {
  const all = lines(text);
  const at = lineIndex(random, all.length);
  const line = all[at] ?? '';
  const column = random.chance(0.5) ? indentOf(line) : random.int(0, line.length);
  all[at] = line.slice(0, column) + '\t' + line.slice(column);
  return all.join('');
};

const truncate: Mutation = (text, random) => text.slice(0, random.int(0, text.length));

const spliceChars: Mutation = (text, random) => {
  const at = random.int(0, text.length);
  const removed = random.chance(0.3) ? random.int(1, 4) : 0;
  let inserted = '';
  for (let i = random.int(1, 4); i > 0; i--) {
    inserted += random.chance(0.5) ? random.pick(ODD_CHARS) : String.fromCharCode(random.int(0, 0xffff));
  }
  return text.slice(0, at) + inserted + text.slice(at + removed);
};

const spliceToken: Mutation = (text, random) => {
  const all = lines(text);
  if (random.chance(0.4)) {
    // A whole new line at some indentation, as a user typing would add.
    const at = random.int(0, all.length);
    const indent = all[Math.min(at, all.length - 1)] ? indentOf(all[Math.min(at, all.length - 1)]) : 0;
    all.splice(at, 0, ' '.repeat(indent) + random.pick(YAML_TOKENS) + '\n');
    return all.join('');
  }
  const at = random.int(0, text.length);
  return text.slice(0, at) + random.pick(YAML_TOKENS) + text.slice(at);
};

/** Moves a key with its nested block from another resource into this one, at a random line's indentation. */
const swapKeys: Mutation = (text, random, other) => {
  const donor = lines(other);
  const keyLines = donor.map((l, i) => (/^\s*[\w./$-]+\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (keyLines.length === 0) return text;
  const start = random.pick(keyLines);
  const baseIndent = indentOf(donor[start]);
  let end = start + 1;
  while (end < donor.length && (donor[end].trim() === '' || indentOf(donor[end]) > baseIndent)) end++;
  const all = lines(text);
  const at = lineIndex(random, all.length);
  const targetIndent = all[at] ? indentOf(all[at]) : 0;
  const block = donor.slice(start, end).map((l) => {
    const body = l.endsWith('\n') ? l : l + '\n';
    return ' '.repeat(Math.max(0, targetIndent + indentOf(l) - baseIndent)) + body.trimStart();
  });
  // Half the time the key replaces the line there (a swap), otherwise it is added beside it.
  all.splice(at, random.chance(0.5) ? 1 : 0, ...block);
  return all.join('');
};

/** Rewrites a `key: value` line as a block scalar, sometimes right before a marker or a column-0 comment. */
const toBlockScalar: Mutation = (text, random) => {
  const all = lines(text);
  const candidates = all.map((l, i) => (/^\s*(?:- )?[\w./-]+: [^\s#|>&*!{\[][^#]*$/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const at = random.pick(candidates);
  const line = all[at].replace(/\r?\n$/, '');
  const colon = line.indexOf(': ');
  const indent = ' '.repeat(indentOf(line) + 2);
  const header = random.pick(['|', '|-', '|+', '>', '>-', '>+']);
  const follower = random.pick(['', '', '---\n', '...\n', '# a comment at column 0\n', '\n']);
  all[at] = `${line.slice(0, colon)}: ${header}\n${indent}${line.slice(colon + 2).trim()}\n${follower}`;
  return all.join('');
};

/** Puts an anchor on a key's value and an alias to it on another line. */
const anchorAndAlias: Mutation = (text, random) => {
  const all = lines(text);
  const keys = all.map((l, i) => (/^\s*[\w./-]+:\s*(?:\r?\n|$)/.test(l) || /^\s*[\w./-]+: [^\s#&*]/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (keys.length === 0) return text;
  const at = random.pick(keys);
  const name = `a${random.int(0, 9)}`;
  all[at] = all[at].replace(/:(\s?)/, `: &${name}$1`);
  const aliasAt = random.int(0, all.length);
  const indent = all[Math.min(aliasAt, all.length - 1)] ? indentOf(all[Math.min(aliasAt, all.length - 1)]) : 0;
  all.splice(aliasAt, 0, `${' '.repeat(indent)}alias${random.int(0, 9)}: *${name}\n`);
  return all.join('');
};

/** Replaces some line feeds by other line breaks: CRLF, a lone CR, NEL, LS. */
const mixLineBreaks: Mutation = (text, random) =>
  text.replace(/\n/g, (lf) => (random.chance(0.2) ? random.pick(['\r\n', '\r', '\u0085', '\u2028']) : lf));

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  toBlockScalar,
  anchorAndAlias,
  mixLineBreaks,
  deleteLines,
  duplicateLine,
  swapLines,
  reindent,
  insertTab,
  truncate,
  spliceChars,
  spliceToken,
  swapKeys,
};

const NAMES = Object.keys(MUTATIONS);

/** Applies one to three random mutations; returns the text and what was done, for the failure report. */
export function mutate(text: string, random: Random, other: string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let result = text;
  for (let n = random.int(1, 3); n > 0; n--) {
    // Truncation is kept rare: it throws away most of the document.
    let name = random.pick(NAMES);
    if (name === 'truncate' && random.chance(0.6)) name = random.pick(NAMES);
    result = MUTATIONS[name](result, random, other);
    applied.push(name);
  }
  return { text: result, applied };
}
