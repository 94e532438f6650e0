import type { RuleMeta } from './types';
import { SCHEMA_CODES } from '../schemas/validate';

const ANY_MESH_KIND = { groups: ['*'] } as const;

/** The schema layer's findings are reported under these ids. */
export const SCHEMA_RULE_METAS: readonly RuleMeta[] = [
  {
    id: SCHEMA_CODES.unknownField,
    category: 'invalid',
    severity: 'warning',
    appliesTo: ANY_MESH_KIND,
    fixable: false,
    summary: 'A field the resource schema does not have; the API server silently drops it.',
  },
  {
    id: SCHEMA_CODES.invalidType,
    category: 'invalid',
    severity: 'error',
    appliesTo: ANY_MESH_KIND,
    fixable: false,
    summary: 'A value of the wrong type (a string where a number belongs, a list where a mapping belongs).',
  },
  {
    id: SCHEMA_CODES.invalidValue,
    category: 'invalid',
    severity: 'error',
    appliesTo: ANY_MESH_KIND,
    fixable: false,
    summary: 'A value outside what the field accepts (not one of its allowed values, out of range, wrong pattern).',
  },
  {
    id: SCHEMA_CODES.missingField,
    category: 'invalid',
    severity: 'error',
    appliesTo: ANY_MESH_KIND,
    fixable: false,
    summary: 'A required field is missing.',
  },
];
