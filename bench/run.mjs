// npm run bench: Mesh Config's language server against yaml-language-server
// 1.25.0's own server, same workloads, same schemas, alternating runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lsp-session.mjs';
import { generateWorkload, writeFileFolder } from './workload.mjs';
import { hostileStage, renderHostile } from './hostile-stage.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').filter(Boolean).map(Number);
/** BENCH_HOSTILE=only runs the hostile stage alone, =0 skips it. */
const HOSTILE = process.env.BENCH_HOSTILE ?? '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = 20;
const PROBES = 50;

mkdirSync(RESULTS, { recursive: true });

// The reference gets our schemas through its own settings: one file whose
// if/then branches pick each document's schema by apiVersion and kind.
const { SchemaCatalog, folderSchemaSource } = require(join(ROOT, 'out/server/src/service/schemas/catalog.js'));
const { buildDispatchSchema } = require(join(ROOT, 'out/server/src/service/schemas/dispatch.js'));
const dispatchPath = join(RESULTS, 'mesh-schemas.json');
writeFileSync(dispatchPath, JSON.stringify(buildDispatchSchema(new SchemaCatalog(folderSchemaSource(join(ROOT, 'schemas'))))));

const SERVERS = {
  'mesh-config': {
    command: process.execPath,
    args: [join(ROOT, 'dist/server.js'), '--stdio'],
    settings: { meshConfig: { targetVersion: 'v2.6' } },
    init: { settings: { targetVersion: 'v2.6' } },
  },
  'yaml-language-server': {
    command: process.execPath,
    args: [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        schemas: { [pathToFileURL(dispatchPath).href]: ['*.yaml'] },
      },
    },
    init: undefined,
  },
};

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Positions on keys spread evenly through the file, for completion and hover. */
function probePositions(text) {
  const lines = text.split('\n');
  const keyLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*[A-Za-z][\w.-]*:/.test(l));
  const step = Math.max(1, Math.floor(keyLines.length / PROBES));
  return keyLines
    .filter((_, i) => i % step === 0)
    .slice(0, PROBES)
    .map(([l, line]) => ({ line, character: l.search(/\S/) + 1 }));
}

/** Where to type in the middle document: the end of its metadata.name value. */
function middleEditPosition(text) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let i = middle; i < lines.length; i++) {
    if (/^  name: /.test(lines[i])) return { line: i, character: lines[i].length };
  }
  throw new Error('no metadata.name after the middle of the workload');
}

async function measure(serverName, text, size) {
  const server = SERVERS[serverName];
  const session = new LspSession(server.command, server.args, server.settings);
  await session.initialize(server.init);
  const uri = pathToFileURL(join(RESULTS, `workload-${size}.yaml`)).href;
  const open = await session.timeOpen(uri, text);

  const editAt = middleEditPosition(text);
  const edits = [];
  let maxProbe = 0;
  for (let i = 0; i < EDITS; i++) {
    let done = false;
    const probe = (async () => {
      // A trivial request sent while the server analyses: its latency shows how long the event loop was blocked.
      while (!done) {
        const r = await session.timeRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
        maxProbe = Math.max(maxProbe, r.ms);
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    edits.push(await session.timeEdit(uri, i + 2, { line: editAt.line, character: editAt.character + i }, 'x'));
    done = true;
    await probe;
  }

  const completions = [];
  const hovers = [];
  for (const position of probePositions(text)) {
    completions.push((await session.timeRequest('textDocument/completion', { textDocument: { uri }, position })).ms);
    hovers.push((await session.timeRequest('textDocument/hover', { textDocument: { uri }, position })).ms);
  }
  const actions = [];
  const resolves = [];
  for (const diagnostic of open.diagnostics.slice(0, 20)) {
    const { ms, result } = await session.timeRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    actions.push(ms);
    // What picking a deferred action (a per-rule "Fix all") costs: paid once, when the user chooses it.
    const deferred = (result ?? []).find((action) => action.data && !action.edit);
    if (deferred) resolves.push((await session.timeRequest('codeAction/resolve', deferred)).ms);
  }
  await session.close();
  return {
    openMs: open.ms,
    diagnostics: open.diagnostics.length,
    editMs: median(edits),
    completionP50: percentile(completions, 50),
    completionP95: percentile(completions, 95),
    hoverP50: percentile(hovers, 50),
    hoverP95: percentile(hovers, 95),
    codeActionP95: actions.length ? percentile(actions, 95) : NaN,
    resolveP95: resolves.length ? percentile(resolves, 95) : NaN,
    maxBlockMs: maxProbe,
    peakRssMb: session.peakRssKb / 1024,
  };
}

function cliFilesPerSecond() {
  const dir = join(RESULTS, 'cli-folder');
  rmSync(dir, { recursive: true, force: true });
  writeFileFolder(dir, 1000);
  const taskset = spawnSync('taskset', ['--version']).status === 0;
  const [cmd, args] = taskset
    ? ['taskset', ['-c', '0', process.execPath, join(ROOT, 'bin/mesh-config.js'), 'check', dir, '--exit-zero']]
    : [process.execPath, [join(ROOT, 'bin/mesh-config.js'), 'check', dir, '--exit-zero']];
  const start = performance.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  return 1000 / ((performance.now() - start) / 1000);
}

const METRICS = [
  ['openMs', 'open → diagnostics (ms)'],
  ['editMs', 'edit → diagnostics, median of 20 (ms)'],
  ['completionP50', 'completion p50 (ms)'],
  ['completionP95', 'completion p95 (ms)'],
  ['hoverP50', 'hover p50 (ms)'],
  ['hoverP95', 'hover p95 (ms)'],
  ['codeActionP95', 'code actions p95 (ms)'],
  ['resolveP95', 'picking a per-rule "Fix all" (codeAction/resolve) p95 (ms)'],
  ['maxBlockMs', 'longest request wait during analysis (ms)'],
  ['peakRssMb', 'peak memory (MB)'],
];

const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version }, runs: RUNS, sizes: {} };
for (const size of SIZES) {
  const text = generateWorkload(size);
  const runs = { 'mesh-config': [], 'yaml-language-server': [] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate which server goes first so machine noise hits both alike.
    const order = run % 2 === 0 ? ['mesh-config', 'yaml-language-server'] : ['yaml-language-server', 'mesh-config'];
    for (const name of order) {
      process.stderr.write(`  ${size} lines, run ${run + 1}/${RUNS}: ${name}\n`);
      runs[name].push(await measure(name, text, size));
    }
  }
  const summary = {};
  for (const name of Object.keys(runs)) {
    summary[name] = Object.fromEntries(Object.keys(runs[name][0]).map((k) => [k, median(runs[name].map((r) => r[k]))]));
  }
  results.sizes[size] = { lines: text.split('\n').length, ...summary };
}
if (HOSTILE !== 'only') results.cliFilesPerSecond = cliFilesPerSecond();
if (HOSTILE !== '0') results.hostile = await hostileStage({ root: ROOT, results: RESULTS, runs: RUNS, LspSession, server: SERVERS['mesh-config'] });

const fmt = (n) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const out = [];
for (const size of SIZES) {
  const s = results.sizes[size];
  out.push(`\n### ${s.lines} lines\n`, '| metric | mesh-config | yaml-language-server | ours/theirs |', '|---|---|---|---|');
  for (const [key, label] of METRICS) {
    const ours = s['mesh-config'][key];
    const theirs = s['yaml-language-server'][key];
    out.push(`| ${label} | ${fmt(ours)} | ${fmt(theirs)} | ${theirs ? (ours / theirs).toFixed(2) : '–'} |`);
  }
  out.push(`| diagnostics reported | ${s['mesh-config'].diagnostics} | ${s['yaml-language-server'].diagnostics} | |`);
}
const growth = (name, key) => results.sizes[50000] && results.sizes[10000] ? results.sizes[50000][name][key] / results.sizes[10000][name][key] : NaN;
out.push('', `Growth 10,000 → 50,000 lines (mesh-config): open ×${fmt(growth('mesh-config', 'openMs'))}, edit ×${fmt(growth('mesh-config', 'editMs'))}`);
if (results.cliFilesPerSecond) out.push(`CLI: ${fmt(results.cliFilesPerSecond)} files per second (1,000 files, one core)`);
if (results.hostile) out.push(...renderHostile(results.hostile));
console.log(out.join('\n'));
writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(RESULTS, 'latest.md'), out.join('\n') + '\n');
console.error(`\nwrote ${join(RESULTS, 'latest.json')}`);
process.exit(0);
