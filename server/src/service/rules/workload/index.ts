import type { Rule } from '../types';

/** Annotation, label and removed-API rules for workloads and any resource's metadata. */
export const WORKLOAD_RULES: readonly Rule[] = [];
