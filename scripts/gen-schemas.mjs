// Generates schemas/ (JSON Schemas + catalog.json) from the upstream CRDs in
// the shared reference folder, with our own descriptions and version data
// from scripts/schema-data/. Output is committed; `--check` verifies it.
//
//   node scripts/gen-schemas.mjs [referenceDir] [--out dir] [--check]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { SOURCES, LEGACY } from './gen-schemas/sources.mjs';
import { resourceSchema } from './gen-schemas/convert.mjs';
import { applyDescriptions, applySmcpFacts } from './gen-schemas/annotate.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const reference = resolve(positional[0] ?? process.env.MESH_SHARED_REFERENCE ?? join(ROOT, '..', 'shared', 'reference'));

if (!existsSync(reference)) {
  console.error(`gen-schemas: the reference folder ${reference} does not exist. Pass its path as the first argument.`);
  process.exit(2);
}

const crdCache = new Map();
function crd(file, name) {
  if (!crdCache.has(file)) {
    const docs = parseAllDocuments(readFileSync(join(reference, file), 'utf8')).map((d) => d.toJS());
    crdCache.set(file, new Map(docs.filter((d) => d?.kind === 'CustomResourceDefinition').map((d) => [d.metadata.name, d])));
  }
  const found = crdCache.get(file).get(name);
  if (!found) throw new Error(`${name} not found in ${file}`);
  return found;
}

function loadYaml(path) {
  return parse(readFileSync(join(ROOT, 'scripts', 'schema-data', path), 'utf8'));
}

function descriptionsFor(kind) {
  const dir = join(ROOT, 'scripts', 'schema-data', 'descriptions');
  for (const file of readdirSync(dir).sort()) {
    const table = parse(readFileSync(join(dir, file), 'utf8'));
    if (table?.[kind]) return table[kind];
  }
  return undefined;
}

function generate(outDir) {
  const smcpFacts = loadYaml('smcp-v2.yaml');
  const files = new Map();
  const resources = [];
  const problems = [];
  for (const [file, name, kind, versions] of SOURCES) {
    const definition = crd(file, name);
    const group = definition.spec.group;
    const descriptions = descriptionsFor(kind);
    const unresolved = new Map();
    for (const version of versions) {
      const entry = definition.spec.versions.find((v) => v.name === version);
      if (!entry?.schema?.openAPIV3Schema) throw new Error(`${name} has no schema for ${version}`);
      const schema = resourceSchema(group, version, kind, entry.schema.openAPIV3Schema);
      if (kind === 'ServiceMeshControlPlane' && version === 'v2') problems.push(...applySmcpFacts(schema, smcpFacts));
      for (const path of applyDescriptions(schema, descriptions)) unresolved.set(path, (unresolved.get(path) ?? 0) + 1);
      const relativePath = `${group}/${version}/${kind}.json`;
      files.set(relativePath, JSON.stringify(schema, null, 2) + '\n');
      resources.push({ apiVersion: `${group}/${version}`, kind, schema: relativePath });
    }
    for (const [path, count] of unresolved) {
      if (count === versions.length) problems.push(`description path not in any ${kind} schema: ${path}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  resources.sort((a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.kind.localeCompare(b.kind));
  files.set('catalog.json', JSON.stringify({ resources, legacy: LEGACY }, null, 2) + '\n');
  for (const [path, text] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  return files;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

if (check) {
  const temp = mkdtempSync(join(tmpdir(), 'mesh-schemas-'));
  try {
    const generated = generate(temp);
    const committed = join(ROOT, 'schemas');
    const differing = [];
    for (const [path, text] of generated) {
      const current = join(committed, path);
      if (!existsSync(current) || readFileSync(current, 'utf8') !== text) differing.push(path);
    }
    for (const file of listFiles(committed)) {
      if (!generated.has(relative(committed, file))) differing.push(`${relative(committed, file)} (not generated)`);
    }
    if (differing.length > 0) {
      console.error(`schemas/ is out of date with the generator:\n  ${differing.join('\n  ')}\nRun: npm run gen:schemas`);
      process.exit(1);
    }
    console.log(`schemas/ is current (${generated.size} files).`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
} else {
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(ROOT, 'schemas');
  rmSync(out, { recursive: true, force: true });
  const files = generate(out);
  console.log(`wrote ${files.size} files to ${relative(process.cwd(), out) || '.'}`);
}
