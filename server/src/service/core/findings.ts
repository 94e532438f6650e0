import type { DiagnosticTag } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule reports; the engine turns it into an LSP Diagnostic. */
export interface Finding {
  /** Section-relative offsets [start, end). */
  readonly span: readonly [number, number];
  readonly message: string;
  /** Overrides the rule's default severity for this finding. */
  readonly severity?: Severity;
  /** What a fix needs, so it does not have to re-derive it. */
  readonly data?: Record<string, unknown>;
  readonly tags?: DiagnosticTag[];
  /**
   * Codes of other findings (usually schema ones) at exactly this span that
   * this finding explains better, e.g. a removed field the schema only calls
   * "unknown". Those are dropped so the user sees one diagnostic, not two.
   */
  readonly supersedes?: readonly string[];
  /** Other places that explain this finding, possibly in other files (the other control plane of a namespace). */
  readonly related?: readonly RelatedLocation[];
}

/** A place in some `---` section of some file, with what it says about the finding. */
export interface RelatedLocation {
  readonly uri: string;
  /** Index of the `---` section in that file. */
  readonly section: number;
  /** Section-relative offsets [start, end). */
  readonly span: readonly [number, number];
  readonly message: string;
}
