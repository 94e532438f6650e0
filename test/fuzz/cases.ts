import { mutate } from './mutations';
import { caseSeed, Random } from './prng';

export interface FuzzCase {
  readonly index: number;
  readonly seed: number;
  readonly text: string;
  readonly mutations: readonly string[];
}

/**
 * Case `index` of a run, derived from the run seed alone: any case can be
 * regenerated (for a report or a replay) without running the ones before it.
 */
export function generateCase(bases: readonly string[], runSeed: number, index: number): FuzzCase {
  const seed = caseSeed(runSeed, index);
  const random = new Random(seed);
  let text = random.pick(bases);
  // A quarter of the cases are multi-document files, so section offsets get exercised.
  if (random.chance(0.25)) text = joinSections(text, random.pick(bases));
  const { text: mutated, applied } = mutate(text, random, random.pick(bases));
  return { index, seed, text: mutated, mutations: applied };
}

function joinSections(first: string, second: string): string {
  const separator = first.endsWith('\n') ? '' : '\n';
  return first + separator + (second.startsWith('---') ? '' : '---\n') + second;
}

/** The random stream that picks positions and the target while a case is checked. */
export function checkRandom(seed: number): Random {
  return new Random(seed ^ 0x5bd1e995);
}
