import { createMeshLanguageService, folderSchemaSource, MeshLanguageService } from '../service';
import { loadPrecompiledValidators } from '../node/precompiled';
import { parseArgs, USAGE, UsageError } from './args';
import { runCheck } from './check';
import type { CliIO } from './io';
import { setToolVersion } from './report-sarif';
import { escapeControls } from './terminal-text';
import { runSchemas } from './schemas-command';
import { runUpgradePlan } from './upgrade-plan-command';

export interface CliEnvironment {
  readonly schemasDir: string;
  readonly version: string;
}

/**
 * `mesh-config`: a thin layer over the service library. Returns the exit
 * code: 0 clean, 1 findings at error level (or over the warning budget),
 * 2 usage errors, unreadable files and internal errors.
 */
export function main(argv: readonly string[], environment: CliEnvironment, io: CliIO): number {
  let debug = argv.includes('--debug');
  try {
    const args = parseArgs(argv);
    debug = args.debug;
    if (args.command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'version') {
      io.out(`${environment.version}\n`);
      return 0;
    }
    // The schemas ship as files; writing them out needs no analysis service.
    if (args.command === 'schemas') return runSchemas(environment.schemasDir, args, io);
    setToolVersion(environment.version);
    const service = createService(environment, io, debug);
    const { settings, problems } = service.resolveSettings({ targetVersion: args.target, rules: args.rules, maxFileSizeKB: args.maxFileSizeKB });
    if (problems.length > 0) throw new UsageError(problems.map(asOptionProblem).join(' '));
    return args.command === 'check' ? runCheck(service, settings, args, io) : runUpgradePlan(service, settings, args, io);
  } catch (error) {
    // Messages quote arguments and file names, which may hold terminal control characters.
    if (error instanceof UsageError) {
      io.err(`mesh-config: ${escapeControls(error.message)} (see mesh-config --help)\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`mesh-config: internal error: ${escapeControls(message.split('\n')[0])}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.err(`${escapeControls(error.stack, true)}\n`);
    return 2;
  }
}

function createService(environment: CliEnvironment, io: CliIO, debug: boolean): MeshLanguageService {
  return createMeshLanguageService({
    schemas: folderSchemaSource(environment.schemasDir),
    precompiledValidators: loadPrecompiledValidators(),
    // A gate must not pass a file it could not read: every document's syntax errors are findings.
    syntaxErrors: 'all-documents',
    // A failing rule is skipped and the rest still run, as in the editor; say so once.
    onRuleFailure: (ruleId, uri, error) => {
      io.err(`mesh-config: rule ${escapeControls(ruleId)} failed on ${escapeControls(uri)} and was skipped\n`);
      if (debug && error instanceof Error && error.stack) io.err(`${escapeControls(error.stack, true)}\n`);
    },
  });
}

/** Settings problems speak of meshConfig.* settings; on the command line they are options. */
function asOptionProblem(problem: string): string {
  return problem
    .replace(/meshConfig\.targetVersion/g, '--target')
    .replace(/meshConfig\.rules\["([^"]+)"\]/g, '--rule $1')
    .replace(/meshConfig\.rules/g, '--rule')
    // The editor carries on with a default; the command line stops instead.
    .replace(/\s+(Using .*|Ignoring it\.)$/, '');
}
