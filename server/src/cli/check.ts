import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { MeshLanguageService, MeshSettings } from '../service';
import type { CheckOptions } from './args';
import { writeFileAtomic } from '../node/atomic-write';
import { CollectedFile, collectFiles } from '../node/files';
import { CliIO, displayPath, fileUri } from './io';
import { Progress } from './progress';
import { readInput, RunProblems } from './read-input';
import { renderGitlab } from './report-gitlab';
import { renderJson } from './report-json';
import { renderSarif } from './report-sarif';
import { renderText } from './report-text';
import type { CheckedFile, CheckedFinding, CheckReport, SeverityName } from './report-types';
import { reason } from '../node/safe-read';
import { escapeControls } from './terminal-text';
import { writeTarget } from '../node/write-scope';

const SEVERITY: Record<number, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/** `mesh-config check`: returns the exit code. */
export function runCheck(service: MeshLanguageService, settings: MeshSettings, options: CheckOptions, io: CliIO): number {
  const { files, problems: pathProblems } = collectFiles(options.paths);
  const progress = new Progress(io, files.length);
  const problems = new RunProblems(io, () => progress.clear());
  for (const problem of pathProblems) problems.add(displayPath(problem.path, io.cwd), problem.reason);
  // Every readable file joins the mesh model first, so rules across files (two control planes in one
  // namespace) see the whole run, whatever order the files come in.
  const readable: { file: CollectedFile; input: { bom: string; text: string } }[] = [];
  for (const file of files) {
    const input = readInput(file.path, io, settings.maxFileSizeKB);
    if (!input.ok) problems.add(displayPath(file.path, io.cwd), input.reason);
    else {
      readable.push({ file, input });
      service.updateFile({ uri: fileUri(file.path, io.cwd), version: 0, text: input.text });
    }
  }
  const checked: CheckedFile[] = [];
  readable.forEach(({ file, input }, index) => {
    progress.update(index);
    checked.push(checkFile(service, settings, options, io, problems, file, input));
  });
  progress.clear();

  const visible = checked.map((file) => (options.quiet ? { ...file, findings: file.findings.filter((f) => f.severity === 'error') } : file));
  const report: CheckReport = { target: settings.targetVersion.name, files: visible, problems: problems.list, summary: summarise(visible) };
  if (options.format === 'json') io.out(renderJson(report));
  else if (options.format === 'sarif') io.out(renderSarif(report, service.rules, io.cwd));
  else if (options.format === 'gitlab') io.out(renderGitlab(report));
  else io.out(renderText(report, io));

  // A run that skipped something never passes, whatever else it found: a CI must not take it for clean.
  if (problems.list.length > 0) return 2;
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
  problems: RunProblems,
  file: CollectedFile,
  input: { bom: string; text: string },
): CheckedFile {
  const shown = displayPath(file.path, io.cwd);
  const uri = fileUri(file.path, io.cwd);
  let text = input.text;
  if (options.fix) {
    // An earlier fix may have written this very file through another path (a link): fix what is on disk now.
    const now = readInput(file.path, io, settings.maxFileSizeKB);
    if (now.ok) text = now.text;
  }
  let fixed: string[] = [];
  if (options.fix) {
    const result = service.fixAll({ uri, version: 0, text }, settings);
    if (result.text !== text) {
      const failure = writeFix(file, io.cwd, input.bom + result.text);
      if (failure) problems.add(shown, `not fixed: ${failure}`);
      else {
        text = result.text;
        fixed = result.applied;
        // JSON and SARIF own standard output; what changed goes to the error stream there.
        const say = options.format === 'text' ? io.out : io.err;
        say(`fixed ${escapeControls(shown)}: ${escapeControls(describeFixes(result.applied))}\n`);
      }
    }
  }
  const document = { uri, version: 1, text };
  // The model holds what is on disk now, fixed or not.
  service.updateFile(document);
  const findings = service.diagnostics(document, settings).map(
    (diagnostic): CheckedFinding => ({
      diagnostic,
      severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Error],
      fixable: service.availableFixes(document, diagnostic, settings).some((f) => f.safe),
    }),
  );
  return { path: shown, findings, fixed };
}

/**
 * Writes a fixed file, or says why it was not written. Only inside the tree
 * it was found in (see writeTarget), and atomically, so the file on disk is
 * always either the old one or the fixed one.
 */
function writeFix(file: CollectedFile, cwd: string, content: string): string | undefined {
  try {
    const target = writeTarget(path.resolve(cwd, file.path), path.resolve(cwd, file.root), file.root === '.' ? '.' : displayPath(file.root, cwd));
    if (!target.ok) return target.reason;
    // The text was decoded from valid UTF-8, so encoding it again reproduces every byte the fix did not touch.
    writeFileAtomic(target.path, Buffer.from(content, 'utf8'));
    return undefined;
  } catch (error) {
    return `cannot write (${reason(error)}); the file is unchanged`;
  }
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
