import type { BehaviourChangeSource } from './upgrade-plan';

/**
 * Where the plan's "behaviour changes to review" come from. The catalogue of
 * SMCP behaviour changes per release is maintained with the SMCP rules; until
 * it is part of this build the plan lists none (each step still carries its
 * release note).
 */
export const planBehaviourChanges: BehaviourChangeSource = () => [];
