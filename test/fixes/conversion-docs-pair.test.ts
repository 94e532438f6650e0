import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES_DIR, SHARED_DIR } from '../support/service';
import { convertFile } from './convert-file';

const SME_DIR = path.join(FIXTURES_DIR, 'conversions', 'service-mesh-extension-to-wasm-plugin');
const CORPUS_PAIR = path.join(SHARED_DIR, 'corpus', 'openshift-docs', 'modules__ossm-extensions-migration-overview.yaml');

/**
 * The OpenShift docs show one ServiceMeshExtension and the WasmPlugin it
 * becomes. The docs' result leaves out `priority: 100`; the conversion keeps
 * it (both APIs run higher priorities first within a phase, so dropping it
 * would reorder plugins). Apart from that line the output is the docs' text.
 */
function checkPair(sme: string, documented: string): void {
  const output = convertFile('service-mesh-extension-to-wasm-plugin', sme);
  assert.ok(output);
  assert.match(output, /^  priority: 100\n/m);
  assert.equal(output.replace(/^  priority: 100\n/m, ''), documented);
}

describe('the OpenShift docs SME → WasmPlugin pair', () => {
  it('converts to the documented WasmPlugin (fixture copy)', () => {
    checkPair(
      fs.readFileSync(path.join(SME_DIR, 'openshift-docs.input.yaml'), 'utf8'),
      fs.readFileSync(path.join(SME_DIR, 'openshift-docs.documented.yaml'), 'utf8'),
    );
  });

  it('converts to the documented WasmPlugin (corpus file)', (t) => {
    if (!fs.existsSync(CORPUS_PAIR)) return t.skip('shared corpus not present');
    const [sme, documented] = fs.readFileSync(CORPUS_PAIR, 'utf8').split(/^---\n/m);
    checkPair(sme, documented);
  });
});
