import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createMeshLanguageService, folderSchemaSource } from '../service';
import { loadPrecompiledValidators } from '../precompiled';

/**
 * `mesh-config check <paths>`: the editor's findings in a terminal.
 * Exit codes: 0 no errors, 1 errors found, 2 usage or read problems.
 */
export function main(argv: string[], schemasDir: string): number {
  const [command, ...args] = argv;
  if (command !== 'check') {
    process.stderr.write('usage: mesh-config check <file|directory>... [--target vX.Y] [--exit-zero]\n');
    return 2;
  }
  let target: string | undefined;
  let exitZero = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--target') target = args[++i];
    else if (args[i] === '--exit-zero') exitZero = true;
    else if (args[i].startsWith('-')) {
      process.stderr.write(`mesh-config: unknown option ${args[i]}\n`);
      return 2;
    } else paths.push(args[i]);
  }
  const service = createMeshLanguageService({ schemas: folderSchemaSource(schemasDir), precompiledValidators: loadPrecompiledValidators() });
  const { settings, problems } = service.resolveSettings({ targetVersion: target });
  if (problems.length > 0) {
    process.stderr.write(`mesh-config: ${problems.join(' ')}\n`);
    return 2;
  }
  let files: string[];
  try {
    files = paths.flatMap((p) => collect(p));
  } catch (error) {
    process.stderr.write(`mesh-config: ${(error as Error).message}\n`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const diagnostics = service.diagnostics({ uri: pathToFileURL(file).href, version: 0, text }, settings);
    if (diagnostics.length === 0) continue;
    process.stdout.write(`${file}\n`);
    for (const d of diagnostics) {
      const severity = d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
      if (severity === 'error') errors++;
      if (severity === 'warning') warnings++;
      process.stdout.write(`  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${severity}  ${String(d.code)}  ${d.message}\n`);
    }
  }
  process.stdout.write(`${files.length} files checked: ${errors} errors, ${warnings} warnings (target ${settings.targetVersion.name})\n`);
  return errors > 0 && !exitZero ? 1 : 0;
}

function collect(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${target}: no such file or directory`);
  if (stat.isFile()) return [target];
  const result: string[] = [];
  for (const name of fs.readdirSync(target).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(target, name);
    const s = fs.statSync(full);
    if (s.isDirectory()) result.push(...collect(full));
    else if (/\.ya?ml$/i.test(name)) result.push(full);
  }
  return result;
}
