import { parentPort, workerData } from 'worker_threads';
import { loadInputs } from './inputs';
import { createEnvironment, runRange, warmUp } from './runner';

/** What the parent sends: a slice of the run and a shared slot for the hang watchdog. */
export interface WorkerTask {
  readonly runSeed: number;
  readonly from: number;
  readonly to: number;
  /** [current case index, Date.now() when the current call started (0 between calls)]. */
  readonly heartbeat: SharedArrayBuffer;
}

async function main(): Promise<void> {
  const task = workerData as WorkerTask;
  const beat = new Float64Array(task.heartbeat);
  const env = createEnvironment(() => (beat[1] = Date.now()));
  const { bases } = loadInputs();
  await warmUp(env, bases);
  const result = await runRange(env, bases, task.runSeed, task.from, task.to, 5, (index) => {
    beat[0] = index;
    beat[1] = Date.now();
  });
  beat[1] = 0;
  parentPort!.postMessage(result);
}

void main();
