import { nameDefaultRule } from './support/name-default';
import { SMM } from './support/scope';

export const smmNameNotDefault = nameDefaultRule(
  {
    id: 'smm-name-not-default',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMM,
    fixable: true,
    summary: 'A ServiceMeshMember must be named `default`.',
  },
  'the ServiceMeshMember resource must be named "default"',
);
