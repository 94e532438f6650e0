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

describe('architecture', () => {
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
