import { createHash } from 'crypto';
import type { CheckReport, SeverityName } from './report-types';

/** Code Climate's scale, which GitLab's report uses; "critical" and "blocker" are left for worse than an error. */
const SEVERITY: Record<SeverityName, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab's code quality report (a subset of the Code Climate issue format), for `artifacts:reports:codequality`:
 * one issue per finding with its rule, message, severity, file and first line. Paths are as the other reports show
 * them, so run it from the repository root. Paths that could not be checked have no place in this format; they are
 * on standard error and make the exit code 2, as always.
 */
export function renderGitlab(report: CheckReport): string {
  const repeats = new Map<string, number>();
  const issues = report.files.flatMap((file) =>
    file.findings.map(({ diagnostic, severity }) => {
      const rule = String(diagnostic.code);
      // GitLab tells new findings from old ones by the fingerprint. Lines shift with every edit above a finding,
      // so it is made of the file, the rule and the message, counting repeats of the same three in one file.
      const key = `${file.path}\u0000${rule}\u0000${diagnostic.message}`;
      const occurrence = (repeats.get(key) ?? 0) + 1;
      repeats.set(key, occurrence);
      return {
        description: diagnostic.message,
        check_name: rule,
        fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
        severity: SEVERITY[severity],
        location: { path: file.path, lines: { begin: diagnostic.range.start.line + 1 } },
      };
    }),
  );
  return JSON.stringify(issues, null, 2) + '\n';
}
