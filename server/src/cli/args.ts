/** Command-line parsing for `mesh-config`; nothing here touches files or the service. */

import { TARGET_VERSION_NAMES } from '../service';

export class UsageError extends Error {}

export type CheckFormat = 'text' | 'json' | 'sarif' | 'gitlab';
export type PlanFormat = 'markdown' | 'json';

interface CommonOptions {
  readonly paths: string[];
  readonly target: string | undefined;
  /** Prototype-free, so a rule id such as `__proto__` is an ordinary (and unknown) key. */
  readonly rules: Record<string, string>;
  /** undefined: the service's default. */
  readonly maxFileSizeKB: number | undefined;
  readonly debug: boolean;
}

export interface CheckOptions extends CommonOptions {
  readonly command: 'check';
  readonly format: CheckFormat;
  readonly fix: boolean;
  /** -1: no budget. */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly exitZero: boolean;
}

export interface PlanOptions extends CommonOptions {
  readonly command: 'upgrade-plan';
  readonly format: PlanFormat;
}

export interface SchemasOptions {
  readonly command: 'schemas';
  readonly out: string;
  /** The ServiceMeshControlPlane v2 version the schemas describe. */
  readonly smcpVersion: string;
  readonly debug: boolean;
}

export type ParsedArgs = CheckOptions | PlanOptions | SchemasOptions | { command: 'help'; debug: boolean } | { command: 'version'; debug: boolean };

export const USAGE = `Usage:
  mesh-config check [options] [--] [paths|globs|-]
  mesh-config upgrade-plan [paths|globs] --target vX.Y [--format markdown|json]
  mesh-config schemas --out DIR [--target vX.Y]
  mesh-config --version

Check options:
  --target vX.Y          Service Mesh version to check against (default v2.6)
  --format text|json|sarif|gitlab   (gitlab: GitLab's code quality report)
  --fix                  write safe fixes into the files
  --rule <id>=off|error|warning|info   change one rule's severity (repeatable)
  --max-warnings N       exit 1 when there are more than N warnings (N >= 0)
  --max-file-size KB     skip larger files, reporting them (default 4096)
  --quiet                report errors only
  --exit-zero            exit 0 even with errors (usage and read problems still exit 2)
  --debug                show stack traces for internal errors
  --                     everything after it is a path, even if it starts with -

schemas writes the bundled JSON Schemas into DIR for other tools: {kind}_{version}.json
for kubeconform and mesh-resources.json for vscode-yaml's yaml.schemas, with the
ServiceMeshControlPlane v2 schema of the --target version (default v2.6).

Paths default to the current folder; folders are searched for .yaml/.yml files,
honouring .gitignore and skipping node_modules. "-" reads standard input.
A path that cannot be read is reported and the rest are still checked.
Exit codes: 0 clean, 1 errors or too many warnings, 2 usage or read problems.`;

const CHECK_FORMATS: readonly string[] = ['text', 'json', 'sarif', 'gitlab'];
const PLAN_FORMATS: readonly string[] = ['markdown', 'json'];
const SEVERITIES: readonly string[] = ['off', 'error', 'warning', 'info'];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help', debug };
  if (command === '--version' || command === '-v') return { command: 'version', debug };
  if (command === 'schemas') return parseSchemasArgs(rest, debug);
  if (command !== 'check' && command !== 'upgrade-plan') {
    throw new UsageError(`unknown command "${command}"; use "check", "upgrade-plan" or "schemas"`);
  }
  const isCheck = command === 'check';
  const paths: string[] = [];
  const rules = Object.create(null) as Record<string, string>;
  let maxFileSizeKB: number | undefined;
  let target: string | undefined;
  let format: string = isCheck ? 'text' : 'markdown';
  let fix = false;
  let maxWarnings = -1;
  let quiet = false;
  let exitZero = false;
  let help = false;

  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    // `--name=value` and `--name value` both work.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    /** `negativeNumbers`: `-1` is taken as the value (and then refused with a reason), not as an option. */
    const value = (negativeNumbers = false): string => {
      const text = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      const looksLikeOption = text?.startsWith('-') && text !== '-' && !(negativeNumbers && /^-\d/.test(text));
      if (text === undefined || text === '' || looksLikeOption) throw new UsageError(`${name} needs a value`);
      return text;
    };
    const flag = (): true => {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      return true;
    };
    const checkOnly = () => {
      if (!isCheck) throw new UsageError(`${name} is an option of "check", not of "${command}"`);
    };
    switch (name) {
      case '--target':
        target = parseTarget(value());
        break;
      case '--max-file-size':
        maxFileSizeKB = wholeNumber(name, value(true), 1);
        break;
      case '--format':
        format = value();
        break;
      case '--rule':
        parseRule(value(), rules);
        break;
      case '--debug':
        flag();
        break;
      case '--help':
      case '-h':
        help = flag();
        break;
      case '--fix':
        checkOnly();
        fix = flag();
        break;
      case '--quiet':
        checkOnly();
        quiet = flag();
        break;
      case '--exit-zero':
        checkOnly();
        exitZero = flag();
        break;
      case '--max-warnings': {
        checkOnly();
        maxWarnings = wholeNumber(name, value(true), 0);
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}${arg.endsWith('.yaml') || arg.endsWith('.yml') ? ` (to check a file of that name, put -- before it)` : ''}`);
    }
  }
  if (help) return { command: 'help', debug };
  const formats = isCheck ? CHECK_FORMATS : PLAN_FORMATS;
  if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(', ')}; got "${format}"`);
  if (paths.length === 0) paths.push('.');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');
  if (fix && paths.includes('-')) throw new UsageError('--fix cannot write back to standard input; pass file paths instead');
  if (!isCheck && paths.includes('-')) throw new UsageError('upgrade-plan reads files and folders, not standard input');
  if (!isCheck && target === undefined) throw new UsageError('upgrade-plan needs --target vX.Y (the version to upgrade to)');
  const common = { paths, target, rules, maxFileSizeKB, debug };
  return isCheck
    ? { command: 'check', ...common, format: format as CheckFormat, fix, maxWarnings, quiet, exitZero }
    : { command: 'upgrade-plan', ...common, format: format as PlanFormat };
}

function parseSchemasArgs(rest: readonly string[], debug: boolean): SchemasOptions | { command: 'help'; debug: boolean } {
  let out: string | undefined;
  let smcpVersion = 'v2.6';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const text = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (text === undefined || text === '' || (text.startsWith('-') && eq < 0)) throw new UsageError(`${name} needs a value`);
      return text;
    };
    if (name === '--out') out = value();
    else if (name === '--target') smcpVersion = parseTarget(value());
    else if (name === '--help' || name === '-h') return { command: 'help', debug };
    else if (name !== '--debug') throw new UsageError(arg.startsWith('-') ? `unknown option ${name} for "schemas"` : `"schemas" takes no paths; use --out DIR`);
  }
  if (out === undefined) throw new UsageError('schemas needs --out DIR (the folder to write the schemas into)');
  return { command: 'schemas', out, smcpVersion, debug };
}

/** Exactly one of the names the service knows; `v02.6` or an empty value is a mistake worth stopping for. */
function parseTarget(text: string): string {
  if (!(TARGET_VERSION_NAMES as readonly string[]).includes(text)) {
    throw new UsageError(`--target "${text}" is not a target version; use one of ${TARGET_VERSION_NAMES.join(', ')}`);
  }
  return text;
}

function wholeNumber(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${name} must be a whole number of ${min} or more, not "${text}"`);
  }
  return Number(text);
}

function parseRule(text: string, rules: Record<string, string>): void {
  const match = /^([^=\s]+)=(\S+)$/.exec(text);
  if (!match) throw new UsageError(`--rule needs <rule-id>=off|error|warning|info, not "${text}"`);
  if (!SEVERITIES.includes(match[2])) throw new UsageError(`--rule ${match[1]}: "${match[2]}" is not one of ${SEVERITIES.join(', ')}`);
  rules[match[1]] = match[2];
}
