import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import type { PrecompiledValidators } from '../../server/src/service/schemas/validate';
import { FIXTURES_DIR, REPO_ROOT, SCHEMAS_DIR, settings, SHARED_DIR } from '../support/service';

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

describe('validators compiled at build time', () => {
  it('report exactly what run-time compiled validators report', () => {
    const generated = path.join(REPO_ROOT, 'server', 'generated', 'validators.js');
    assert.ok(fs.existsSync(generated), 'npm run build writes server/generated/validators.js');
    const { validator } = require(generated) as { validator: PrecompiledValidators };
    const bundled = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR), precompiledValidators: validator });
    const runtime = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
    const files = [...yamlFiles(path.join(SHARED_DIR, 'corpus')), ...yamlFiles(FIXTURES_DIR), ...yamlFiles(path.join(REPO_ROOT, 'examples'))];
    // Documents with known schema problems, so the comparison never runs empty.
    const inline = [
      'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata: {name: a}\nspec:\n  tracing: {sampling: high, typ: None}\n  policy: {type: Envoy}\n',
      'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: reviews\n  http:\n    - route: [{destination: {host: r}, weight: heavy}]\n',
      'apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata: {name: a}\nspec:\n  mtls: {mode: SOMETIMES}\n',
    ];
    const inputs = [
      ...files.map((file) => ({ uri: `file://${file}`, text: fs.readFileSync(file, 'utf8') })),
      ...inline.map((text, i) => ({ uri: `file:///inline/${i}.yaml`, text })),
    ];
    let compared = 0;
    for (const { uri, text } of inputs) {
      const file = uri;
      const input = { uri, version: 1, text };
      const a = bundled.diagnostics(input, settings()).filter((d) => String(d.code).startsWith('schema-'));
      const b = runtime.diagnostics(input, settings()).filter((d) => String(d.code).startsWith('schema-'));
      assert.deepEqual(a, b, file);
      compared += a.length;
    }
    assert.ok(compared > 0, 'the comparison must include some schema findings to prove anything');
  });
});
