import { nameDefaultRule } from './name-default';
import { SMMR } from './scope';

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
