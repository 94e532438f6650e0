import { behaviourChangesBetween } from '../rules/smcp/support/behaviour-changes';
import type { BehaviourChangeSource } from './plan';

/**
 * The plan's "behaviour changes to review" for one step: the same catalogue
 * the `smcp-behaviour-changes` rule reports from, so the editor and the plan
 * never disagree about what a release changes.
 */
export const planBehaviourChanges: BehaviourChangeSource = (from, to) =>
  behaviourChangesBetween(from, to).flatMap((entry) => entry.changes.map((summary) => ({ summary })));
