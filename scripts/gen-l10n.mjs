// Writes l10n/bundle.l10n.json, the English default bundle, from every
// l10n.t / vscode.l10n.t call in the client and server sources, using
// Microsoft's own extractor (@vscode/l10n-dev). Translators copy it to
// bundle.l10n.<locale>.json. With --check it only compares and exits 1 when
// the committed bundle is stale.
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['client/src', 'server/src'];
const BUNDLE = 'l10n/bundle.l10n.json';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

export async function renderBundle() {
  const files = ROOTS.flatMap(sources).sort().map((path) => ({ extension: '.ts', contents: readFileSync(path, 'utf8') }));
  const bundle = await getL10nJson(files);
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rendered = await renderBundle();
  if (process.argv.includes('--check')) {
    if (readFileSync(BUNDLE, 'utf8') !== rendered) {
      console.error(`${BUNDLE} is stale: run \`npm run gen:l10n\`.`);
      process.exit(1);
    }
  } else {
    writeFileSync(BUNDLE, rendered);
  }
}
