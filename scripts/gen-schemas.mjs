// Generates schemas/ (JSON Schemas + catalog.json) from the upstream CRDs in
// the shared reference folder, with our own descriptions and version data
// from scripts/schema-data/. The output is committed; `--check` verifies it.
//
//   node scripts/gen-schemas.mjs [referenceDir] [--out dir] [--check] [--verbose]
//
// referenceDir defaults to $MESH_SHARED_REFERENCE, then ../shared/reference.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { generate } from './gen-schemas/generate.mjs';
import { ReferenceError } from './gen-schemas/reference.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = 'usage: node scripts/gen-schemas.mjs [referenceDir] [--out dir] [--check] [--verbose]';

function parseArgs(argv) {
  const options = { check: false, verbose: false, out: undefined, reference: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') options.check = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--out') {
      options.out = argv[++i];
      if (!options.out) fail(`--out needs a folder.\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}.\n${USAGE}`);
    else if (options.reference === undefined) options.reference = arg;
    else fail(`unexpected argument ${arg}.\n${USAGE}`);
  }
  return options;
}

function fail(message, code = 2) {
  console.error(`gen-schemas: ${message}`);
  process.exit(code);
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function write(files, outDir) {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
}

/** Relative paths of files that differ between the generated set and a folder. */
function differences(files, dir) {
  const differing = [];
  for (const [path, text] of files) {
    const current = join(dir, path);
    if (!existsSync(current)) differing.push(`${path} (missing)`);
    else if (readFileSync(current, 'utf8') !== text) differing.push(path);
  }
  for (const file of listFiles(dir)) {
    const path = relative(dir, file).split(sep).join('/');
    if (!files.has(path)) differing.push(`${path} (not generated)`);
  }
  return differing.sort();
}

const options = parseArgs(process.argv.slice(2));
const referenceDir = resolve(options.reference ?? process.env.MESH_SHARED_REFERENCE ?? join(ROOT, '..', 'shared', 'reference'));
const target = options.out ? resolve(options.out) : join(ROOT, 'schemas');
let result;
try {
  result = generate({ referenceDir, dataDir: join(ROOT, 'scripts', 'schema-data') });
} catch (error) {
  fail(error instanceof ReferenceError ? error.message : String(error.message ?? error), error instanceof ReferenceError ? 2 : 1);
}
if (options.verbose) {
  for (const line of result.sources) console.log(line);
  for (const [kind, count] of Object.entries(result.described)) console.log(`${kind}: ${count} described paths`);
}

if (options.check) {
  // Written out and read back, so the comparison sees exactly what a run would write.
  const temp = mkdtempSync(join(tmpdir(), 'mesh-schemas-'));
  try {
    write(result.files, temp);
    const fresh = new Map([...result.files.keys()].map((p) => [p, readFileSync(join(temp, p), 'utf8')]));
    const differing = differences(fresh, target);
    if (differing.length > 0) {
      console.error(`gen-schemas: ${relative(process.cwd(), target) || '.'} is out of date with the generator:\n  ${differing.join('\n  ')}\nRun: npm run gen:schemas`);
      process.exit(1);
    }
    console.log(`${relative(process.cwd(), target) || '.'} is current (${result.files.size} files).`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
} else {
  // Only a folder we wrote before (or an empty one) is replaced wholesale.
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(join(target, 'catalog.json'))) {
    fail(`${target} is not empty and holds no catalog.json; refusing to replace it.`);
  }
  rmSync(target, { recursive: true, force: true });
  write(result.files, target);
  console.log(`wrote ${result.files.size} files to ${relative(process.cwd(), target) || '.'}`);
}
