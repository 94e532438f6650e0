/** Codes of the findings the engine and the schema layer report themselves, outside any rule module. */
export const ENGINE_CODES = {
  yamlSyntax: 'yaml-syntax',
  unknownSuppression: 'unknown-suppression',
  invalidTargetComment: 'invalid-target-comment',
  fileTooLarge: 'file-too-large',
  documentTooComplex: 'document-too-complex',
  checkSkipped: 'check-skipped',
  hiddenLineBreak: 'hidden-line-break',
} as const;
