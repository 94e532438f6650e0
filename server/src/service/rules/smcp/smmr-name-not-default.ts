import { nameDefaultRule } from './support/name-default';
import { SMMR } from './support/scope';

export const smmrNameNotDefault = nameDefaultRule(
  {
    id: 'smmr-name-not-default',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMMR,
    fixable: true,
    summary: 'A ServiceMeshMemberRoll must be named `default`.',
  },
  "ServiceMeshMemberRoll must be named 'default'",
);
