import { strict as assert } from 'assert';
import { availableParallelism } from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Worker } from 'worker_threads';
import { generateCase } from './cases';
import { loadInputs } from './inputs';
import { createEnvironment, FuzzFailure, minimise, runCase, RangeResult, warmUp } from './runner';
import type { WorkerTask } from './worker';

/**
 * Seeded fuzzing of every library entry point over mutated real-world
 * documents. Environment:
 *   MESH_FUZZ_CASES   number of cases (default 20000)
 *   MESH_FUZZ_SEED    run seed (default fixed, so CI is reproducible)
 *   MESH_FUZZ_WORKERS worker threads (default: CPUs, at most 4)
 *   MESH_FUZZ_CASE    replay only this case index of the run, in this thread
 */
const DEFAULT_SEED = 0x6d657368;
const CASES = positiveInt(process.env.MESH_FUZZ_CASES) ?? 20000;
const SEED = positiveInt(process.env.MESH_FUZZ_SEED) ?? DEFAULT_SEED;
const WORKERS = positiveInt(process.env.MESH_FUZZ_WORKERS) ?? Math.min(4, Math.max(1, availableParallelism()));
const REPLAY = process.env.MESH_FUZZ_CASE;
/** A call still running after this long is a hang: the worker is stopped and the case reported. */
const HANG_MS = 15000;

function positiveInt(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function report(failure: FuzzFailure, runSeed: number): string {
  return [
    `case ${failure.index} (case seed ${failure.seed}, mutations: ${failure.mutations.join(', ')})`,
    ...failure.problems.slice(0, 5).map((p) => `  ${p.kind}: ${p.detail}`),
    `  replay: MESH_FUZZ_SEED=${runSeed} MESH_FUZZ_CASE=${failure.index} node scripts/run-tests.mjs fuzz`,
    '  minimal reproduction (JSON string of the document):',
    `  ${JSON.stringify(failure.minimal)}`,
  ].join('\n');
}

function runWorker(task: Omit<WorkerTask, 'heartbeat'>): Promise<RangeResult> {
  const heartbeat = new SharedArrayBuffer(16);
  const beat = new Float64Array(heartbeat);
  const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { ...task, heartbeat } });
  return new Promise((resolve, reject) => {
    const watchdog = setInterval(() => {
      if (beat[1] !== 0 && Date.now() - beat[1] > HANG_MS) {
        clearInterval(watchdog);
        const index = beat[0];
        void worker.terminate();
        const { text, seed, mutations } = generateCase(loadInputs().bases, task.runSeed, index);
        resolve({
          cases: index - task.from,
          failures: [{ index, seed, mutations, problems: [{ kind: 'hang', detail: `a call ran for more than ${HANG_MS} ms` }], minimal: text }],
        });
      }
    }, 500);
    worker.once('message', (result: RangeResult) => {
      clearInterval(watchdog);
      resolve(result);
    });
    worker.once('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

describe('fuzzing every entry point with mutated documents', () => {
  it(`survives ${REPLAY !== undefined ? `case ${REPLAY}` : `${CASES} seeded cases`} (seed ${SEED})`, async (t) => {
    const inputs = loadInputs();
    t.diagnostic(`inputs: ${inputs.bases.length} base sections; ${inputs.description}`);
    assert.ok(inputs.bases.length > 0, 'no fuzz inputs found');

    if (REPLAY !== undefined) {
      const env = createEnvironment();
      await warmUp(env, inputs.bases);
      const fuzzCase = generateCase(inputs.bases, SEED, Number(REPLAY));
      t.diagnostic(`case text: ${JSON.stringify(fuzzCase.text)}`);
      const problems = await runCase(env, fuzzCase);
      if (problems.length > 0) assert.fail(report(await minimise(env, fuzzCase, problems), SEED));
      return;
    }

    const started = Date.now();
    const per = Math.ceil(CASES / WORKERS);
    const slices = Array.from({ length: WORKERS }, (_, i) => ({ from: i * per, to: Math.min(CASES, (i + 1) * per) })).filter(
      (s) => s.from < s.to,
    );
    const results = await Promise.all(slices.map((s) => runWorker({ runSeed: SEED, ...s })));
    const cases = results.reduce((sum, r) => sum + r.cases, 0);
    const failures = results.flatMap((r) => r.failures);
    t.diagnostic(`${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s on ${slices.length} worker(s)`);
    if (failures.length > 0) {
      assert.fail(`${failures.length} failing case(s):\n\n${failures.map((f) => report(f, SEED)).join('\n\n')}`);
    }
    assert.equal(cases, CASES);
  });
});
