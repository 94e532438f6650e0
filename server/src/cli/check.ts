import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { MeshLanguageService, MeshSettings } from '../service';
import type { CheckOptions } from './args';
import { collectFiles, reason } from './files';
import { CliIO, displayPath, fileUri, splitBom } from './io';
import { Progress } from './progress';
import { renderJson } from './report-json';
import { renderSarif } from './report-sarif';
import { renderText } from './report-text';

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
  readonly summary: { files: number; errors: number; warnings: number; infos: number; fixable: number; fixed: number };
}

const SEVERITY: Record<number, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/** `mesh-config check`: returns the exit code. */
export function runCheck(service: MeshLanguageService, settings: MeshSettings, options: CheckOptions, io: CliIO): number {
  const files = collectFiles(options.paths);
  const progress = new Progress(io, files.length);
  const checked: CheckedFile[] = [];
  let unreadable = 0;
  files.forEach((file, index) => {
    progress.update(index);
    let raw: string;
    try {
      raw = file === '-' ? io.readStdin() : fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      progress.clear();
      io.err(`mesh-config: cannot read ${displayPath(file, io.cwd)}: ${reason(error)}\n`);
      unreadable++;
      return;
    }
    checked.push(checkFile(service, settings, options, io, file, raw));
  });
  progress.clear();

  const visible = checked.map((file) => (options.quiet ? { ...file, findings: file.findings.filter((f) => f.severity === 'error') } : file));
  const report: CheckReport = { target: settings.targetVersion.name, files: visible, summary: summarise(visible) };
  if (options.format === 'json') io.out(renderJson(report));
  else if (options.format === 'sarif') io.out(renderSarif(report, service.rules, io.cwd));
  else io.out(renderText(report, io));

  if (unreadable > 0) return 2;
  if (options.exitZero) return 0;
  const overBudget = options.maxWarnings >= 0 && report.summary.warnings > options.maxWarnings;
  if (overBudget && options.format === 'text') {
    io.err(`mesh-config: ${report.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  }
  return report.summary.errors > 0 || overBudget ? 1 : 0;
}

function checkFile(
  service: MeshLanguageService,
  settings: MeshSettings,
  options: CheckOptions,
  io: CliIO,
  file: string,
  raw: string,
): CheckedFile {
  const shown = displayPath(file, io.cwd);
  const { bom, text: original } = splitBom(raw);
  const uri = fileUri(file, io.cwd);
  let text = original;
  let fixed: string[] = [];
  if (options.fix) {
    const result = service.fixAll({ uri, version: 0, text }, settings);
    if (result.text !== text) {
      fs.writeFileSync(path.resolve(io.cwd, file), bom + result.text, 'utf8');
      text = result.text;
      fixed = result.applied;
      // JSON and SARIF own standard output; what changed goes to the error stream there.
      const say = options.format === 'text' ? io.out : io.err;
      say(`fixed ${shown}: ${describeFixes(result.applied)}\n`);
    }
  }
  const document = { uri, version: 1, text };
  const findings = service.diagnostics(document, settings).map(
    (diagnostic): CheckedFinding => ({
      diagnostic,
      severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Error],
      fixable: service.availableFixes(document, diagnostic, settings).some((f) => f.safe),
    }),
  );
  service.close(uri);
  return { path: shown, findings, fixed };
}

/** `smcp-mixer-policy-removed ×2, legacy-api-removed`. */
function describeFixes(applied: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const id of applied) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
}

function summarise(files: readonly CheckedFile[]): CheckReport['summary'] {
  const all = files.flatMap((f) => f.findings);
  return {
    files: files.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
    fixable: all.filter((f) => f.fixable).length,
    fixed: files.reduce((n, f) => n + f.fixed.length, 0),
  };
}
