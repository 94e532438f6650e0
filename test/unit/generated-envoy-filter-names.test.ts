import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { DEPRECATED_FILTER_NAMES } from '../../server/src/service/rules/istio/support/envoy-filter-names.generated';
import { REPO_ROOT, SHARED_DIR } from '../support/service';

describe('generated Envoy filter names', () => {
  it('are current with the reference table in ../shared/reference', (t) => {
    const table = path.join(SHARED_DIR, 'reference', 'envoyfilter', 'deprecated-filter-names.tsv');
    if (!fs.existsSync(table)) return t.skip(`${table} is absent; cannot regenerate the filter names here`);
    const result = spawnSync(process.execPath, ['scripts/gen-envoy-filter-names.mjs', table, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `the generated file is stale; run node scripts/gen-envoy-filter-names.mjs and commit.\n${result.stdout}${result.stderr}`);
  });

  it('hold the 28 deprecated names, with envoy.ext_authz as both an HTTP and a network filter', () => {
    assert.equal(DEPRECATED_FILTER_NAMES.length, 28);
    assert.deepEqual(
      DEPRECATED_FILTER_NAMES.filter((e) => e.deprecated === 'envoy.ext_authz').map((e) => `${e.kind}:${e.canonical}`),
      ['http:envoy.filters.http.ext_authz', 'network:envoy.filters.network.ext_authz'],
    );
    for (const entry of DEPRECATED_FILTER_NAMES) assert.ok(entry.canonical.startsWith(`envoy.filters.${entry.kind}.`), entry.canonical);
  });

  it('the generator rejects a malformed table with the line it could not read', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'efn-')), 'bad.tsv');
    fs.writeFileSync(bad, '# header\nenvoy.router\tenvoy.filters.http.router\tsomething\n');
    const result = spawnSync(process.execPath, ['scripts/gen-envoy-filter-names.mjs', bad, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /bad\.tsv:2/);
  });
});
