// Our own field descriptions (scripts/schema-data/descriptions/*.yaml), keyed
// by `<group>/<Kind>` and then by dotted path (see paths.mjs). Upstream CRD
// prose is never used; a guard rejects text that repeats it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expandPath, resolvePath } from './paths.mjs';

/** Map of `group/Kind` → Map of expanded path → text. */
export function loadDescriptions(dir) {
  const tables = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const { '@aliases': aliases = {}, ...data } = parse(readFileSync(join(dir, file), 'utf8')) ?? {};
    for (const [kindKey, entries] of Object.entries(data)) {
      if (!/^[a-z0-9.-]+\/[A-Za-z]+$/.test(kindKey)) throw new Error(`${file}: key ${kindKey} is not <group>/<Kind>`);
      const table = tables.get(kindKey) ?? new Map();
      tables.set(kindKey, table);
      for (const [path, text] of Object.entries(entries ?? {})) {
        if (typeof text !== 'string' || text.trim() === '') throw new Error(`${file}: ${kindKey} ${path} has no text`);
        for (const expanded of substituteAliases(path, aliases, file).flatMap(expandPath)) {
          if (table.has(expanded)) throw new Error(`${file}: ${kindKey} ${expanded} is described twice`);
          table.set(expanded, text.trim());
        }
      }
    }
  }
  return tables;
}

/**
 * `@name.rest` stands for `<prefix>.rest` for every prefix listed under
 * `@aliases: { name: [...] }` in the same file, so subtrees that share a type
 * (gateway Services, component runtimes) share one text.
 */
function substituteAliases(path, aliases, file) {
  const match = /^@([A-Za-z]+)(.*)$/.exec(path);
  if (!match) return [path];
  const prefixes = aliases[match[1]];
  if (!Array.isArray(prefixes)) throw new Error(`${file}: unknown alias @${match[1]} in ${path}`);
  return prefixes.map((prefix) => `${prefix}${match[2]}`);
}

/** Sets `description` on every path of the table the schema has; returns the paths it has. */
export function applyDescriptions(schema, table) {
  const found = new Set();
  for (const [path, text] of table ?? []) {
    const node = resolvePath(schema, path);
    if (!node) continue;
    node.description = text;
    found.add(path);
  }
  return found;
}

const RUN = 8;

// Code spans (`REDIRECT`, `spec.mode`) are names, not prose, so they never count.
function words(text) {
  return text
    .replace(/`[^`]*`/g, ' | ')
    .toLowerCase()
    .replace(/[`'"*_()[\]{},.;:!?]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function runsOf(text) {
  const result = [];
  for (const segment of words(text).join(' ').split('|')) {
    const w = segment.split(' ').filter(Boolean);
    for (let i = 0; i + RUN <= w.length; i++) result.push(w.slice(i, i + RUN).join(' '));
  }
  return result;
}

/** Every run of RUN consecutive words in the upstream descriptions of a CRD schema. */
export function upstreamRuns(openApi, runs = new Set()) {
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.description === 'string') runsOf(node.description).forEach((r) => runs.add(r));
    Object.values(node).forEach(visit);
  };
  visit(openApi);
  return runs;
}

/** The first run of RUN words our text shares with upstream text, if any. */
export function copiedRun(text, runs) {
  return runsOf(text).find((run) => runs.has(run));
}
