import { strict as assert } from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { CLI_FIXTURES, runCli } from './helpers';
import { REPO_ROOT } from '../support/service';

const FIXTURES = path.join(CLI_FIXTURES, 'schemas');
const catalog = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'catalog.json'), 'utf8')) as { resources: { apiVersion: string; kind: string }[] };

function exportTo(target: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `mesh-config-schemas-${target}-`));
  const result = runCli(['schemas', '--out', out, '--target', target], { cwd: REPO_ROOT });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  return out;
}

function fixture(name: string): unknown {
  return parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** An ajv holding every exported file under its file name, as a $ref from mesh-resources.json names it. */
function loadAll(out: string): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const name of fs.readdirSync(out)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')) as object, name);
  return ajv;
}

describe('mesh-config schemas --out', () => {
  const v23 = exportTo('v2.3');
  const v26 = exportTo('v2.6');
  after(() => {
    for (const out of [v23, v26]) fs.rmSync(out, { recursive: true, force: true });
  });

  it("names every bundled resource's file as kubeconform looks it up: {kind}_{version}.json, lowercase", () => {
    // kubeconform's -schema-location '{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json': kind lowercased, version without group.
    const expected = catalog.resources.map((r) => `${r.kind.toLowerCase()}_${r.apiVersion.split('/')[1]}.json`);
    assert.equal(new Set(expected).size, expected.length, 'two resources share a file name');
    assert.deepEqual(fs.readdirSync(v23).sort(), [...expected, 'mesh-resources.json'].sort());
    for (const name of expected) assert.match(name, /^[a-z]+_v\d+((alpha|beta)\d+)?\.json$/);
  });

  it('projects the v2 control plane to the target version: a v2.4 field is refused at v2.3, accepted at v2.6', () => {
    const at = (out: string) => new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(out, 'servicemeshcontrolplane_v2.json'), 'utf8')) as object);
    const validate23 = at(v23);
    assert.equal(validate23(fixture('smcp-v2.3.yaml')), true, JSON.stringify(validate23.errors));
    assert.equal(validate23(fixture('smcp-v2.3-mode.yaml')), false);
    assert.deepEqual(
      validate23.errors?.map((e) => [e.instancePath, e.keyword, e.params]),
      [['/spec', 'additionalProperties', { additionalProperty: 'mode' }]],
    );
    const validate26 = at(v26);
    assert.equal(validate26(fixture('smcp-v2.3-mode.yaml')), true, JSON.stringify(validate26.errors));
  });

  it('mesh-resources.json (for yaml.schemas) checks each document against its own kind', () => {
    const validate = loadAll(v23).getSchema('mesh-resources.json');
    assert.ok(validate);
    assert.equal(validate(fixture('smcp-v2.3.yaml')), true, JSON.stringify(validate.errors));
    assert.equal(validate(fixture('smcp-v2.3-mode.yaml')), false);
    assert.equal(validate(fixture('virtual-service-bad.yaml')), false);
    assert.ok(validate.errors?.some((e) => e.instancePath === '/spec/hosts' && e.keyword === 'type'), JSON.stringify(validate.errors));
    // Something that is no mesh resource is none of its business.
    assert.equal(validate({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'many' } }), true);
  });

  it('leaves out the internal version keyword and ids, so other validators see plain draft-07 schemas', () => {
    for (const name of fs.readdirSync(v23)) {
      const text = fs.readFileSync(path.join(v23, name), 'utf8');
      assert.ok(!text.includes('x-smcp-versions'), name);
      assert.equal((JSON.parse(text) as { $id?: unknown }).$id, undefined, name);
    }
  });

  it('writes only its own files into a folder that already holds others', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-config-schemas-existing-'));
    try {
      fs.writeFileSync(path.join(out, 'deployment_v1.json'), '{"mine": true}\n');
      const result = runCli(['schemas', '--out', out], { cwd: REPO_ROOT });
      assert.equal(result.status, 0);
      assert.equal(fs.readFileSync(path.join(out, 'deployment_v1.json'), 'utf8'), '{"mine": true}\n');
      assert.deepEqual(fs.readdirSync(out).sort(), [...fs.readdirSync(v26), 'deployment_v1.json'].sort());
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses to run without --out, and reports a folder it cannot write', () => {
    const missing = runCli(['schemas'], { cwd: REPO_ROOT });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'mesh-config: schemas needs --out DIR (the folder to write the schemas into) (see mesh-config --help)\n');
    const file = path.join(v23, 'mesh-resources.json');
    const blocked = runCli(['schemas', '--out', path.join(file, 'below')], { cwd: REPO_ROOT });
    assert.equal(blocked.status, 2);
    assert.match(blocked.stderr, /^mesh-config: cannot write to .*mesh-resources\.json\/below: ENOTDIR/);
  });
});
