import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { editDamage } from '../support/edit-oracle';
import type { MeshLanguageService } from '../../server/src/service';
import type { MeshSettings } from '../../server/src/service/core/settings';
import { Random } from './prng';

export interface Problem {
  /** Stable category ("hover:range"), so shrinking keeps the same failure. */
  readonly kind: string;
  readonly detail: string;
}

export interface CaseEnvironment {
  readonly service: MeshLanguageService;
  /** Settings per target version; the case picks one. */
  readonly settings: readonly MeshSettings[];
  /** Rule failures the service reported during the case (the engine isolates them; the fuzzer still counts them). */
  readonly ruleFailures: string[];
  /** Marks the start of each call, for the hang watchdog in the parent thread. */
  readonly onCall?: (what: string) => void;
  /** Ask both completion and hover on every check (hand-written hostile inputs), not one of them. */
  readonly askBoth?: boolean;
}

const MAX_ACTION_DIAGNOSTICS = 5;
let documentCounter = 0;

/** Line lengths as an editor counts them: \n, \r\n and a lone \r all end a line. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function badPosition(p: Position, lengths: number[]): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `non-integer position ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lengths.length) return `line ${p.line} outside 0..${lengths.length - 1}`;
  if (p.character < 0 || p.character > lengths[p.line]) return `character ${p.character} outside line ${p.line} (length ${lengths[p.line]})`;
  return undefined;
}

function badRange(r: Range, lengths: number[]): string | undefined {
  const problem = badPosition(r.start, lengths) ?? badPosition(r.end, lengths);
  if (problem) return problem;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    return `range ends before it starts ${JSON.stringify(r)}`;
  }
  return undefined;
}

/** Checks a set of LSP edits for one document; returns a problem description or undefined. */
function badEdits(text: string, edits: readonly TextEdit[], lengths: number[]): { kind: string; detail: string } | undefined {
  for (const edit of edits) {
    const problem = badRange(edit.range, lengths);
    if (problem) return { kind: 'range', detail: problem };
  }
  const document = TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text);
  const offsets = edits
    .map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i].start < offsets[i - 1].end) return { kind: 'overlap', detail: 'overlapping edits' };
  }
  const edited = TextDocument.applyEdits(document, [...edits]);
  const damage = editDamage(text, edited, offsets);
  if (damage) return { kind: 'damage', detail: damage };
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}

/**
 * Runs every entry point of the service on one document and returns what
 * went wrong. `random` chooses the target version and the positions; the same
 * seed and text always make the same calls.
 */
export async function checkDocument(text: string, random: Random, env: CaseEnvironment): Promise<Problem[]> {
  const problems: Problem[] = [];
  const lengths = lineLengths(text);
  // A fresh uri per check: the service reports a failing rule once per document.
  const input = { uri: `file:///fuzz/case-${++documentCounter}.yaml`, version: 1, text };
  const settings = random.pick(env.settings);
  env.ruleFailures.length = 0;

  async function guarded<T>(what: string, call: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    env.onCall?.(what);
    try {
      const value = await call();
      return { ok: true, value };
    } catch (error) {
      problems.push({ kind: `${what}:exception`, detail: `${what} threw: ${errorText(error)}` });
      return { ok: false };
    }
  }

  const randomPosition = (): Position => {
    const line = random.int(0, lengths.length - 1);
    return { line, character: random.int(0, lengths[line]) };
  };

  const diagnosticsCall = await guarded('diagnostics', () => env.service.diagnostics(input, settings));
  const diagnostics: Diagnostic[] = diagnosticsCall.ok ? diagnosticsCall.value : [];
  for (const d of diagnostics) {
    const problem = badRange(d.range, lengths);
    if (problem) problems.push({ kind: `diagnostics:range:${String(d.code)}`, detail: `${String(d.code)}: ${problem}` });
  }

  // Completion and hover go to yaml-language-server, which costs more than all
  // the rest of a case together; to keep 20,000 cases within a CI budget, a
  // third of the cases ask one of them (so each is asked in ~1 case of 6).
  const ask = env.askBoth ? 'both' : random.chance(1 / 3) ? (random.chance(0.5) ? 'completion' : 'hover') : 'none';
  const askCompletion = ask === 'both' || ask === 'completion';
  const askHover = ask === 'both' || ask === 'hover';
  const completion = askCompletion
    ? await guarded('completion', () => env.service.completion(input, randomPosition(), settings))
    : ({ ok: false } as const);
  if (completion.ok && completion.value) {
    for (const item of completion.value.items) {
      const edit = item.textEdit;
      const ranges = edit ? ('range' in edit ? [edit.range] : [edit.insert, edit.replace]) : [];
      for (const r of [...ranges, ...(item.additionalTextEdits ?? []).map((e) => e.range)]) {
        const problem = badRange(r, lengths);
        if (problem) problems.push({ kind: 'completion:range', detail: `item "${item.label}": ${problem}` });
      }
    }
  }

  const hover = askHover ? await guarded('hover', () => env.service.hover(input, randomPosition(), settings)) : ({ ok: false } as const);
  if (hover.ok && hover.value?.range) {
    const problem = badRange(hover.value.range, lengths);
    if (problem) problems.push({ kind: 'hover:range', detail: problem });
  }

  const checkActions = (actions: CodeAction[], what: string) => {
    for (const action of actions) {
      const edits = action.edit?.changes?.[input.uri];
      if (!edits) continue;
      const problem = badEdits(text, edits, lengths);
      if (problem) problems.push({ kind: `${what}:${problem.kind}`, detail: `"${action.title}": ${problem.detail}` });
    }
  };
  for (const d of diagnostics.slice(0, MAX_ACTION_DIAGNOSTICS)) {
    const actions = await guarded('codeActions', () => env.service.codeActions(input, d.range, { diagnostics: [d] }, settings));
    if (actions.ok) checkActions(actions.value, 'codeActions');
  }

  const fixAll = await guarded('fixAll', () => env.service.fixAll(input, settings));
  if (fixAll.ok) {
    const problem = badEdits(text, fixAll.value.edits, lengths);
    if (problem) problems.push({ kind: `fixAll:${problem.kind}`, detail: problem.detail });
    const replayed = TextDocument.applyEdits(TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text), fixAll.value.edits);
    if (replayed !== fixAll.value.text) problems.push({ kind: 'fixAll:edits', detail: 'its edits do not produce its text' });
  }

  env.service.close(input.uri);
  for (const failure of env.ruleFailures) problems.push({ kind: `rule-failure:${failure.split(':')[0]}`, detail: failure });
  return problems;
}
