// The bench's hostile stage: each hostile shape of bench/hostile.mjs against a
// plain file of the same size, in time and peak memory (target: at most 5×),
// and whether a small file opened beside a hostile one in the language server
// still gets its diagnostics and hover promptly.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { controlPlanes, HOSTILE_SHAPES, plainOfSize } from './hostile.mjs';

const SMALL = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: small\nspec:\n  version: v2.6\n  tracing:\n    sampling: 500\n';

function child(root, mode, file) {
  const out = execFileSync(process.execPath, [join(root, 'bench', 'hostile-child.mjs'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

/** Median over `runs` of each figure. */
function medianOf(results) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  return Object.fromEntries(Object.keys(results[0]).map((k) => [k, median(results.map((r) => r[k]))]));
}

export async function hostileStage({ root, results, runs, LspSession, server }) {
  const dir = join(results, 'hostile');
  mkdirSync(dir, { recursive: true });
  const rows = [];
  const cases = [
    ...HOSTILE_SHAPES.map((shape) => ({ name: shape.name, mode: 'check', text: shape.text() })),
    { name: 'upgrade plan over 4,000 control planes', mode: 'plan', text: controlPlanes(4000) },
  ];
  for (const c of cases) {
    const hostileFile = join(dir, `${c.name.replace(/\W+/g, '-')}.yaml`);
    const plainFile = `${hostileFile}.plain.yaml`;
    writeFileSync(hostileFile, c.text);
    writeFileSync(plainFile, plainOfSize(c.text.length));
    process.stderr.write(`  hostile: ${c.name}\n`);
    const hostile = [];
    const plain = [];
    for (let run = 0; run < runs; run++) {
      hostile.push(child(root, c.mode, hostileFile));
      plain.push(child(root, c.mode, plainFile));
    }
    rows.push({ name: c.name, mode: c.mode, sizeKb: c.text.length / 1024, hostile: medianOf(hostile), plain: medianOf(plain) });
  }
  const fairness = await smallBesideHostile(dir, LspSession, server);
  return { rows, fairness };
}

/**
 * Opens the largest hostile file, then at once a small one, in one server:
 * how long the small one waits for its diagnostics and a hover, against the
 * same with the small file alone.
 */
async function smallBesideHostile(dir, LspSession, server) {
  const measure = async (withHostile) => {
    const session = new LspSession(server.command, server.args, server.settings);
    await session.initialize(server.init);
    const smallUri = pathToFileURL(join(dir, 'small.yaml')).href;
    if (withHostile) {
      const hostileUri = pathToFileURL(join(dir, 'beside.yaml')).href;
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: hostileUri, languageId: 'yaml', version: 1, text: HOSTILE_SHAPES[0].text() },
      });
    }
    const open = await session.timeOpen(smallUri, SMALL);
    const hover = await session.timeRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 7, character: 5 } });
    await session.close();
    return { diagnosticsMs: open.ms, hoverMs: hover.ms };
  };
  return { alone: await measure(false), besideHostile: await measure(true) };
}

export function renderHostile({ rows, fairness }) {
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const out = ['', '### Hostile files against plain files of the same size', '', '| shape | size (KB) | time hostile / plain (ms) | × | peak memory hostile / plain (MB) | × |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(
      `| ${r.name}${r.mode === 'plan' ? '' : ' (check)'} | ${fmt(r.sizeKb)} | ${fmt(r.hostile.ms)} / ${fmt(r.plain.ms)} | ${(r.hostile.ms / r.plain.ms).toFixed(2)} | ${fmt(r.hostile.peakRssMb)} / ${fmt(r.plain.peakRssMb)} | ${(r.hostile.peakRssMb / r.plain.peakRssMb).toFixed(2)} |`,
    );
  }
  out.push(
    '',
    `Small file opened right after the 32k-anchor file, in one server: diagnostics after ${fmt(fairness.besideHostile.diagnosticsMs)} ms ` +
      `(alone: ${fmt(fairness.alone.diagnosticsMs)} ms), hover ${fmt(fairness.besideHostile.hoverMs)} ms (alone: ${fmt(fairness.alone.hoverMs)} ms).`,
  );
  return out;
}
