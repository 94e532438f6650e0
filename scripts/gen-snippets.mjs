// Compiles scripts/snippets-src.mjs into snippets/mesh.json. With --check it
// exits 1 when the committed file is out of date.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { SNIPPETS } from './snippets-src.mjs';

const out = {};
for (const s of SNIPPETS) {
  out[s.name] = { prefix: s.prefix, description: s.description, body: s.body.replace(/\n$/, '').split('\n') };
}
const text = JSON.stringify(out, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync('snippets/mesh.json') ? readFileSync('snippets/mesh.json', 'utf8') : '';
  if (current !== text) {
    console.error('snippets/mesh.json is stale: run npm run gen:snippets');
    process.exit(1);
  }
} else {
  writeFileSync('snippets/mesh.json', text);
  console.log(`wrote snippets/mesh.json (${SNIPPETS.length} snippets)`);
}
