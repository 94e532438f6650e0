import { ENGINE_CODES } from '../core/engine-codes';
import type { RuleMeta } from './types';

export { ENGINE_CODES };

/** Findings the engine itself reports, outside any rule module. */
export const ENGINE_RULE_METAS: readonly RuleMeta[] = [
  {
    id: ENGINE_CODES.yamlSyntax,
    category: 'invalid',
    severity: 'error',
    appliesTo: { groups: ['*'] },
    fixable: false,
    summary: 'The YAML does not parse (every file on the command line; mesh resources in the editor).',
  },
  {
    id: ENGINE_CODES.unknownSuppression,
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'A mesh-config-disable comment names a rule that does not exist.',
  },
  {
    id: ENGINE_CODES.invalidTargetComment,
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'A `# mesh-config: target=` comment names a version that does not exist.',
  },
  {
    id: ENGINE_CODES.fileTooLarge,
    category: 'invalid',
    severity: 'info',
    appliesTo: {},
    fixable: false,
    summary: 'The file is larger than meshConfig.maxFileSizeKB and was not analysed.',
  },
  {
    id: ENGINE_CODES.documentTooComplex,
    category: 'invalid',
    severity: 'info',
    appliesTo: {},
    fixable: false,
    summary: 'A document nests so deeply that the YAML parser cannot follow it, so it was not analysed.',
  },
  {
    id: ENGINE_CODES.checkSkipped,
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'A check (the schema or a rule) could not run on a document, so its findings may be missing.',
  },
  {
    id: ENGINE_CODES.hiddenLineBreak,
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'A character that Kubernetes reads as a line break (NEL, U+2028, U+2029) but editors show inside a line.',
  },
];
