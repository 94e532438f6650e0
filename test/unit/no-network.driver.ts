/**
 * Runs the library through every feature on the repository's examples and
 * fixtures; started by no-network.test.ts under the network trap. Prints how
 * many calls it made, so the test knows the features really ran.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { resolveSettings } from '../../server/src/service/core/settings';
import { FIXTURES_DIR, REPO_ROOT, SCHEMAS_DIR } from '../support/service';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

async function main(): Promise<void> {
  const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
  const counts = { diagnostics: 0, completion: 0, hover: 0, codeActions: 0, fixAll: 0, findings: 0, completionItems: 0, hovers: 0 };
  const settings = resolveSettings({ targetVersion: 'v2.6' }).settings;
  for (const file of [...yamlFiles(path.join(REPO_ROOT, 'examples')), ...yamlFiles(FIXTURES_DIR)]) {
    const input = { uri: `file://${file}`, version: 1, text: fs.readFileSync(file, 'utf8') };
    const diagnostics = service.diagnostics(input, settings);
    counts.diagnostics++;
    counts.findings += diagnostics.length;
    const lines = input.text.split('\n');
    for (let line = 0; line < lines.length; line += 3) {
      const position = { line, character: Math.min(lines[line].length, lines[line].search(/\S|$/) + 2) };
      const completion = await service.completion(input, position, settings);
      counts.completion++;
      counts.completionItems += completion?.items.length ?? 0;
      if (await service.hover(input, position, settings)) counts.hovers++;
      counts.hover++;
    }
    for (const diagnostic of diagnostics) {
      service.codeActions(input, diagnostic.range, { diagnostics: [diagnostic] }, settings);
      counts.codeActions++;
    }
    service.codeActions(input, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics, only: ['source.fixAll'] }, settings);
    service.fixAll(input, settings);
    counts.fixAll++;
  }
  process.stdout.write(JSON.stringify(counts));
}

main().catch((error) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
