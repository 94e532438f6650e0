import * as fs from 'fs';
import * as path from 'path';
import type { MeshLanguageService, MeshSettings } from '../service';
import { computeUpgradePlan, PlanInput } from '../service/upgrade-plan';
import { renderPlanMarkdown } from '../service/upgrade-plan-markdown';
import type { PlanOptions } from './args';
import { collectFiles, reason } from './files';
import { CliIO, displayPath, fileUri, splitBom } from './io';
import { planBehaviourChanges } from '../service/upgrade-plan-behaviour';

/** `mesh-config upgrade-plan`: prints the plan; exit 0, or 2 when a file could not be read. */
export function runUpgradePlan(service: MeshLanguageService, settings: MeshSettings, options: PlanOptions, io: CliIO): number {
  const inputs: PlanInput[] = [];
  let unreadable = 0;
  for (const file of collectFiles(options.paths)) {
    try {
      const { text } = splitBom(fs.readFileSync(path.resolve(io.cwd, file), 'utf8'));
      inputs.push({ path: displayPath(file, io.cwd), uri: fileUri(file, io.cwd), text });
    } catch (error) {
      io.err(`mesh-config: cannot read ${displayPath(file, io.cwd)}: ${reason(error)}\n`);
      unreadable++;
    }
  }
  const plan = computeUpgradePlan(service, inputs, settings, { behaviourChanges: planBehaviourChanges });
  io.out(options.format === 'json' ? JSON.stringify(plan, null, 2) + '\n' : renderPlanMarkdown(plan));
  return unreadable > 0 ? 2 : 0;
}
