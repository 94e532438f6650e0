import { ruleDocsUrl } from '../service';
import type { CheckReport } from './report-types';

/** Bumped only when a field changes meaning or disappears; new fields may appear without a bump. */
export const JSON_FORMAT_VERSION = 1;

/**
 * The JSON report (documented in the README): every file checked, each
 * finding with a 1-based range (columns in UTF-16 code units, as editors count).
 */
export function renderJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    path: file.path,
    findings: file.findings.map(({ diagnostic, severity, fixable }) => ({
      rule: String(diagnostic.code),
      severity,
      message: diagnostic.message,
      range: {
        start: { line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1 },
        end: { line: diagnostic.range.end.line + 1, column: diagnostic.range.end.character + 1 },
      },
      fixable,
      docs: ruleDocsUrl(String(diagnostic.code)),
    })),
    ...(file.fixed.length > 0 ? { fixed: file.fixed } : {}),
  }));
  // `problems`: the paths not checked and the fixes not written (the exit code is then 2).
  const problems = report.problems.map(({ path, reason }) => ({ path, reason }));
  return JSON.stringify({ formatVersion: JSON_FORMAT_VERSION, tool: 'mesh-config', target: report.target, files, problems, summary: report.summary }, null, 2) + '\n';
}
