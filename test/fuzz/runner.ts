import * as fs from 'fs';
import * as path from 'path';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { resolveSettings } from '../../server/src/service/core/settings';
import { TARGET_VERSION_NAMES } from '../../server/src/service/core/versions';
import type { PrecompiledValidators } from '../../server/src/service/schemas/validate';
import { REPO_ROOT, SCHEMAS_DIR } from '../support/service';
import { checkDocument, CaseEnvironment, Problem } from './checks';
import { checkRandom, FuzzCase, generateCase } from './cases';
import { shrinkLines } from './shrink';

export interface FuzzFailure {
  readonly index: number;
  readonly seed: number;
  readonly mutations: readonly string[];
  readonly problems: readonly Problem[];
  /** The mutated text after shrinking by line deletion. */
  readonly minimal: string;
}

/**
 * Frames kept in a stack trace. A stack overflow fills the default ten with the innermost recursion (inside the
 * yaml library); the frame that tells who recursed, and so whose bug it is, lies further down.
 */
const STACK_FRAMES = 200;

export function createEnvironment(onCall?: (what: string) => void): CaseEnvironment {
  Error.stackTraceLimit = Math.max(Error.stackTraceLimit, STACK_FRAMES);
  const ruleFailures: string[] = [];
  const service = createMeshLanguageService({
    schemas: folderSchemaSource(SCHEMAS_DIR),
    precompiledValidators: shippedValidators(),
    onRuleFailure: (ruleId, _uri, error) => {
      const stack = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
      // yaml-language-server has its own bugs on broken YAML; the service isolates
      // and logs them (what this fuzzer demands). Failures in our code still count.
      if (isThirdPartyFeatureFailure(ruleId, error)) return;
      ruleFailures.push(`${ruleId}: ${stack}`);
    },
  });
  const settings = TARGET_VERSION_NAMES.map((targetVersion) => resolveSettings({ targetVersion }).settings);
  return { service, settings, ruleFailures, onCall };
}

/** The validators the bundles ship (written by `npm run build`), so the fuzzer checks what users run. */
function shippedValidators(): PrecompiledValidators | undefined {
  const generated = path.join(REPO_ROOT, 'server', 'generated', 'validators.js');
  return fs.existsSync(generated) ? (require(generated) as { validator: PrecompiledValidators }).validator : undefined;
}

/**
 * Whether a completion or hover failure started in yaml-language-server (or l10n) rather than in our code. The
 * yaml library serves both, so its own frames are skipped to find the caller: yaml-language-server recursing
 * through yaml on a self-referencing alias overflows the stack with frames of yaml alone at the top.
 */
export function isThirdPartyFeatureFailure(what: string, error: unknown): boolean {
  if (what !== 'completion' && what !== 'hover') return false;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s*at .*[\\/].*:\d+:\d+\)?$/.test(l)) : [];
  const caller = frames.find((l) => !/node_modules[\\/]yaml[\\/]/.test(l));
  return !!caller && /node_modules[\\/](yaml-language-server|@vscode[\\/]l10n)[\\/]/.test(caller);
}

/**
 * Compiles every schema the inputs use before cases are timed: a first
 * compile is a one-time cost that would otherwise count against a case.
 */
export async function warmUp(env: CaseEnvironment, bases: readonly string[]): Promise<void> {
  const settings = env.settings[env.settings.length - 1];
  bases.forEach((text, i) => env.service.diagnostics({ uri: `file:///fuzz/warm-${i}.yaml`, version: 1, text }, settings));
  bases.forEach((_, i) => env.service.close(`file:///fuzz/warm-${i}.yaml`));
  env.ruleFailures.length = 0;
}

export async function runCase(env: CaseEnvironment, fuzzCase: FuzzCase): Promise<Problem[]> {
  return checkDocument(fuzzCase.text, checkRandom(fuzzCase.seed), env);
}

/** Shrinks a failing case to the fewest lines that still show the first problem's kind. */
export async function minimise(env: CaseEnvironment, fuzzCase: FuzzCase, problems: readonly Problem[]): Promise<FuzzFailure> {
  const kind = problems[0].kind;
  const minimal = await shrinkLines(fuzzCase.text, async (candidate) =>
    (await checkDocument(candidate, checkRandom(fuzzCase.seed), env)).some((p) => p.kind === kind),
  );
  return { index: fuzzCase.index, seed: fuzzCase.seed, mutations: fuzzCase.mutations, problems, minimal };
}

export interface RangeResult {
  readonly cases: number;
  readonly failures: FuzzFailure[];
}

/** Runs cases [from, to) of a run; stops collecting after `maxFailures` distinct failure kinds. */
export async function runRange(
  env: CaseEnvironment,
  bases: readonly string[],
  runSeed: number,
  from: number,
  to: number,
  maxFailures = 5,
  onCase?: (index: number) => void,
): Promise<RangeResult> {
  const failures: FuzzFailure[] = [];
  const kinds = new Set<string>();
  let cases = 0;
  for (let index = from; index < to; index++) {
    onCase?.(index);
    const fuzzCase = generateCase(bases, runSeed, index);
    const problems = await runCase(env, fuzzCase);
    cases++;
    if (problems.length === 0 || kinds.has(problems[0].kind)) continue;
    kinds.add(problems[0].kind);
    failures.push(await minimise(env, fuzzCase, problems));
    if (failures.length >= maxFailures) break;
  }
  return { cases, failures };
}
