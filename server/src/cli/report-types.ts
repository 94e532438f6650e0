import type { Diagnostic } from 'vscode-languageserver-types';
import type { RunProblem } from './read-input';

/** What `check` found, as every report format (text, JSON, SARIF) reads it. */

export type SeverityName = 'error' | 'warning' | 'info';

export interface CheckedFinding {
  readonly diagnostic: Diagnostic;
  readonly severity: SeverityName;
  /** `--fix` (fix-all) would fix it. */
  readonly fixable: boolean;
}

export interface CheckedFile {
  /** As reports show it: relative to the working folder, `/`-separated. */
  readonly path: string;
  readonly findings: readonly CheckedFinding[];
  /** Rule ids `--fix` applied, one entry per fix. */
  readonly fixed: readonly string[];
}

export interface CheckReport {
  readonly target: string;
  readonly files: readonly CheckedFile[];
  /** Paths not checked, and fixes not written; each makes the exit code 2. */
  readonly problems: readonly RunProblem[];
  readonly summary: { files: number; errors: number; warnings: number; infos: number; fixable: number; fixed: number };
}
