import * as fs from 'fs';
import * as path from 'path';
import type { SchemasOptions } from './args';
import type { CliIO } from './io';
import { CatalogResource, DISPATCH_FILE, exportSchemas } from './schema-export';
import { escapeControls } from './terminal-text';

/**
 * `mesh-config schemas --out DIR`: writes the bundled schemas for kubeconform and vscode-yaml. Only files of
 * the names it reports are written into DIR (created if missing); nothing else there is touched.
 */
export function runSchemas(schemasDir: string, options: SchemasOptions, io: CliIO): number {
  const read = (relative: string) => JSON.parse(fs.readFileSync(path.join(schemasDir, relative), 'utf8')) as Record<string, unknown>;
  const catalog = read('catalog.json') as unknown as { resources: CatalogResource[] };
  const files = exportSchemas(catalog.resources, read, options.smcpVersion);
  const out = path.resolve(io.cwd, options.out);
  try {
    fs.mkdirSync(out, { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(out, file.name), `${JSON.stringify(file.content, null, 2)}\n`);
  } catch (error) {
    io.err(`mesh-config: cannot write to ${escapeControls(options.out)}: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
  const shown = escapeControls(options.out);
  io.out(
    `Wrote ${files.length - 1} schemas (ServiceMeshControlPlane v2 as of ${options.smcpVersion}) and ${DISPATCH_FILE} to ${shown}.\n` +
      `kubeconform:  kubeconform -schema-location default -schema-location '${shown}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json' FILES\n` +
      `vscode-yaml:  "yaml.schemas": { "${shown}/${DISPATCH_FILE}": ["*.yaml", "*.yml"] }\n`,
  );
  return 0;
}
