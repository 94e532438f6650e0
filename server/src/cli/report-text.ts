import type { CheckReport, SeverityName } from './report-types';
import { CliIO, useColour } from './io';
import { escapeControls } from './terminal-text';

const STYLES = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
} as const;

/**
 * `path:line:col  severity  rule-id  message`, one finding a line, grouped
 * under a heading per file. Each line carries the whole path so terminals make
 * it clickable and the `$mesh-config` problem matcher reads it on its own.
 */
export function renderText(report: CheckReport, io: CliIO): string {
  const colour = useColour(io);
  const paint = (style: keyof typeof STYLES, text: string) => (colour ? `${STYLES[style]}${text}${STYLES.reset}` : text);
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    // Paths and messages quote the file (keys, values, names); none of it may drive the terminal.
    const shown = escapeControls(file.path);
    out.push(paint('bold', shown));
    for (const { diagnostic, severity } of file.findings) {
      const { line, character } = diagnostic.range.start;
      const where = `${shown}:${line + 1}:${character + 1}`;
      const message = escapeControls(diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' '));
      out.push(`  ${where}  ${paint(severity, severity)}  ${paint('dim', escapeControls(String(diagnostic.code)))}  ${message}`);
    }
    out.push('');
  }
  const s = report.summary;
  const counts = [
    `${s.files} ${s.files === 1 ? 'file' : 'files'} checked`,
    `${s.errors} ${plural(s.errors, 'error')}`,
    `${s.warnings} ${plural(s.warnings, 'warning')}`,
    `${s.infos} info`,
    `${s.fixable} fixable with --fix`,
  ];
  if (s.fixed > 0) counts.push(`${s.fixed} fixed`);
  // Each problem was reported on standard error as it happened; the summary must not read as clean without them.
  const problems = report.problems.length;
  if (problems > 0) counts.push(`${problems} ${plural(problems, 'path')} not checked or not fixed (see above)`);
  const worst: SeverityName | 'green' = s.errors > 0 || problems > 0 ? 'error' : s.warnings > 0 ? 'warning' : 'green';
  out.push(`${paint(worst, s.errors + s.warnings + problems > 0 ? '✖' : '✔')} ${counts.join(', ')} (target ${report.target})`);
  return out.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
