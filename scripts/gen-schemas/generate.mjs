// Builds every schema file and catalog.json in memory: Map of relative path → text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ISTIO_KINDS, ISTIO_SOURCES, LEGACY, MAISTRA_KINDS } from './sources.mjs';
import { Reference, servedSchema } from './reference.mjs';
import { resourceSchema } from './convert.mjs';
import { applyDescriptions, copiedRun, loadDescriptions, upstreamRuns } from './descriptions.mjs';
import { applySmcpFacts } from './smcp.mjs';

/** One schema to write: where its CRD version came from. */
function plan(reference) {
  const jobs = [];
  for (const [file, name, kind, versions] of MAISTRA_KINDS) {
    const crd = reference.crd(file, name);
    for (const version of versions) jobs.push({ crd, kind, version, source: file });
  }
  const istioFiles = ISTIO_SOURCES.flatMap((s) => (s.file ? [s.file] : reference.yamlFilesIn(s.dir)));
  for (const [name, kind] of ISTIO_KINDS) {
    const candidates = istioFiles.map((file) => ({ file, crd: reference.crdsIn(file).get(name) })).filter((c) => c.crd);
    if (candidates.length === 0) throw new Error(`no reference file has the CRD ${name}`);
    const versions = new Set(candidates.flatMap((c) => c.crd.spec.versions.filter((v) => v.served !== false).map((v) => v.name)));
    for (const version of [...versions].sort()) {
      const best = candidates.find((c) => servedSchema(c.crd, version));
      jobs.push({ crd: best.crd, kind, version, source: best.file });
    }
  }
  return jobs;
}

export function generate({ referenceDir, dataDir }) {
  const reference = new Reference(referenceDir);
  const descriptions = loadDescriptions(join(dataDir, 'descriptions'));
  const smcpFacts = parse(readFileSync(join(dataDir, 'smcp-v2.yaml'), 'utf8')) ?? {};
  const smcpVersions = parse(readFileSync(join(dataDir, 'smcp-versions.yaml'), 'utf8')) ?? {};
  const files = new Map();
  const resources = [];
  const problems = [];
  const used = new Map(); // group/Kind → paths found in at least one version
  const sources = [];
  for (const { crd, kind, version, source } of plan(reference)) {
    const group = crd.spec.group;
    const openApi = servedSchema(crd, version);
    if (!openApi) throw new Error(`${crd.metadata.name} in ${source} has no schema for ${version}`);
    const schema = resourceSchema(group, version, kind, openApi);
    if (kind === 'ServiceMeshControlPlane' && version === 'v2') problems.push(...applySmcpFacts(schema, smcpFacts, smcpVersions));
    const kindKey = `${group}/${kind}`;
    const table = descriptions.get(kindKey);
    const found = applyDescriptions(schema, table);
    const seen = used.get(kindKey) ?? new Set();
    found.forEach((p) => seen.add(p));
    used.set(kindKey, seen);
    const runs = upstreamRuns(openApi);
    for (const path of found) {
      const run = copiedRun(table.get(path), runs);
      if (run) problems.push(`${kindKey} ${path}: our description repeats upstream text ("${run}"); rewrite it in our own words`);
    }
    const relativePath = `${group}/${version}/${kind}.json`;
    files.set(relativePath, JSON.stringify(schema, null, 2) + '\n');
    resources.push({ apiVersion: `${group}/${version}`, kind, schema: relativePath });
    sources.push(`${relativePath} ← ${source}`);
  }
  for (const [kindKey, table] of descriptions) {
    if (!used.has(kindKey)) problems.push(`descriptions for ${kindKey}, which is not generated`);
    for (const path of table.keys()) {
      if (used.has(kindKey) && !used.get(kindKey).has(path)) problems.push(`${kindKey}: description path ${path} is in no version's schema`);
    }
  }
  if (problems.length > 0) throw new Error(`the schema data does not fit the CRDs:\n  ${[...new Set(problems)].join('\n  ')}`);
  resources.sort((a, b) => compare(a.apiVersion, b.apiVersion) || compare(a.kind, b.kind));
  files.set('catalog.json', JSON.stringify({ resources, legacy: LEGACY }, null, 2) + '\n');
  return { files, sources, described: countDescribed(descriptions, used) };
}

// Locale-independent, so output is byte-identical on every machine.
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countDescribed(descriptions, used) {
  return Object.fromEntries([...descriptions.keys()].sort().map((k) => [k, used.get(k)?.size ?? 0]));
}
