import { computeUpgradePlan, PlanInput, renderPlanMarkdown, planBehaviourChanges } from '../service';
import type { MeshLanguageService, MeshSettings, UpgradePlan } from '../service';
import type { PlanOptions } from './args';
import { collectFiles } from '../node/files';
import { CliIO, displayPath, fileUri } from './io';
import { readInput, RunProblems } from './read-input';
import { escapeControls } from './terminal-text';

/** `mesh-config upgrade-plan`: prints the plan; exit 0, or 2 when a path could not be read. */
export function runUpgradePlan(service: MeshLanguageService, settings: MeshSettings, options: PlanOptions, io: CliIO): number {
  const { files, problems: pathProblems } = collectFiles(options.paths);
  const problems = new RunProblems(io);
  for (const problem of pathProblems) problems.add(displayPath(problem.path, io.cwd), problem.reason);
  const inputs: PlanInput[] = [];
  for (const file of files) {
    const input = readInput(file.path, io, settings.maxFileSizeKB);
    if (input.ok) inputs.push({ path: displayPath(file.path, io.cwd), uri: fileUri(file.path, io.cwd), text: input.text });
    else problems.add(displayPath(file.path, io.cwd), input.reason);
  }
  const computed = computeUpgradePlan(service, inputs, settings, { behaviourChanges: planBehaviourChanges });
  // The plan lists what it could not read, so a reader of the Markdown alone sees it too.
  const plan: UpgradePlan = { ...computed, skipped: [...problems.list.map((p) => ({ file: p.path, reason: p.reason })), ...computed.skipped] };
  // Markdown goes to terminals and pull requests; control characters from file contents must not act there.
  io.out(options.format === 'json' ? JSON.stringify(plan, null, 2) + '\n' : escapeControls(renderPlanMarkdown(plan), true));
  return problems.list.length > 0 ? 2 : 0;
}
