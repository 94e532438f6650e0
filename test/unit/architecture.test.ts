import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/service';

function sources(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Relative imports of a file, resolved to the source files they name. */
function resolvedImports(file: string, known: ReadonlySet<string>): string[] {
  return imports(file)
    .filter((m) => m.startsWith('.'))
    .map((m) => path.resolve(path.dirname(file), m))
    .map((base) => [base + '.ts', path.join(base, 'index.ts')].find((f) => known.has(f)))
    .filter((f): f is string => f !== undefined);
}

/** Strongly connected groups of more than one node (Tarjan): each is an import cycle. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * The rooms, lowest first. A file may import from its own room and from rooms
 * listed before it, never after. The service's face (its index and the
 * language service) sits on top of the service; the Node helpers, the CLI and
 * the LSP side sit above the service and may enter it only through its index.
 */
const SERVICE_ROOMS = ['core', 'edits', 'schemas', 'rules', 'features', 'upgrade-plan', 'face'];
const SERVER_SRC = path.join(REPO_ROOT, 'server', 'src');
const SERVICE = path.join(SERVER_SRC, 'service');

function roomOf(file: string): string {
  const relative = path.relative(REPO_ROOT, file).split(path.sep);
  if (relative[0] === 'protocol') return 'protocol';
  if (relative[0] === 'client') return 'client';
  const inServer = relative.slice(2);
  if (inServer[0] !== 'service') return inServer.length > 1 ? inServer[0] : 'lsp';
  return inServer.length > 2 ? inServer[1] : 'face';
}

/** Rooms each room outside the service may import (besides itself). */
const OUTER_ALLOWED: Record<string, readonly string[]> = {
  protocol: [],
  client: ['protocol'],
  node: ['service'],
  cli: ['node', 'service'],
  lsp: ['node', 'service', 'protocol'],
};

describe('architecture', () => {
  const all = [SERVER_SRC, path.join(REPO_ROOT, 'client', 'src'), path.join(REPO_ROOT, 'protocol')].flatMap(sources);
  const known = new Set(all);
  const graph = new Map(all.map((file) => [file, resolvedImports(file, known)]));
  const show = (file: string) => path.relative(REPO_ROOT, file);

  it('has no import cycle between files', () => {
    assert.deepEqual(cycles(graph).map((group) => group.map(show)), []);
  });

  it('has no import cycle between rooms, and rooms import only downward', () => {
    const offending: string[] = [];
    for (const [file, targets] of graph) {
      const from = roomOf(file);
      for (const target of targets) {
        const to = roomOf(target);
        if (from === to) continue;
        const fromService = SERVICE_ROOMS.indexOf(from);
        const toService = SERVICE_ROOMS.indexOf(to);
        let allowed: boolean;
        if (fromService >= 0) allowed = toService >= 0 && toService < fromService;
        else if (toService >= 0) allowed = (OUTER_ALLOWED[from] ?? []).includes('service') && target === path.join(SERVICE, 'index.ts');
        else allowed = (OUTER_ALLOWED[from] ?? []).includes(to);
        if (!allowed) offending.push(`${show(file)} (${from}) imports ${show(target)} (${to})`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('keeps each rule family to rule modules (named after their rule id), an index and a support folder', async () => {
    const { MESH_RULES, RULES } = await import('../../server/src/service/rules/registry');
    const ids = new Set([...RULES, ...MESH_RULES].map((rule) => rule.meta.id));
    const strays = ['smcp', 'istio', 'workload', 'mesh'].flatMap((family) =>
      fs
        .readdirSync(path.join(SERVICE, 'rules', family))
        .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !ids.has(name.replace(/\.ts$/, '')))
        .map((name) => `rules/${family}/${name}`),
    );
    assert.deepEqual(strays, []);
  });

  const serviceDir = path.join(REPO_ROOT, 'server', 'src', 'service');

  it('the service library imports neither vscode nor an LSP connection nor the CLI', () => {
    const offending = sources(serviceDir).flatMap((file) =>
      imports(file)
        .filter((m) => m === 'vscode' || m.startsWith('vscode-languageserver/') || m === 'vscode-languageserver' || m.includes('/cli/') || m.includes('server.ts'))
        .map((m) => `${path.relative(REPO_ROOT, file)} imports ${m}`),
    );
    assert.deepEqual(offending, []);
  });

  it('the client does not reach into the server', () => {
    const offending = sources(path.join(REPO_ROOT, 'client', 'src')).flatMap((file) =>
      imports(file)
        .filter((m) => m.includes('server/'))
        .map((m) => `${path.relative(REPO_ROOT, file)} imports ${m}`),
    );
    assert.deepEqual(offending, []);
  });

  it('every dependency is pinned to an exact version', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const ranges = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    assert.deepEqual(ranges, []);
  });
});
