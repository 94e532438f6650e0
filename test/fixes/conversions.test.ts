import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { parseSection } from '../../server/src/service/core/documents';
import { CONVERSIONS } from '../../server/src/service/features/conversions';
import { FIXTURES_DIR } from '../support/service';
import { convertFile } from './convert-file';

/**
 * Conversions without the engine: test/fixtures/conversions/<conversion id>/
 *   <case>.input.yaml     a file; the first resource the conversion applies to is converted
 *   <case>.expected.yaml  the whole file afterwards, exactly
 * A `# mesh-config: target=` comment sets the target (default v2.6).
 */
const DIR = path.join(FIXTURES_DIR, 'conversions');

describe('every conversion has fixtures', () => {
  for (const conversion of CONVERSIONS) {
    it(`${conversion.id} has input and expected files`, () => {
      const files = fs.existsSync(path.join(DIR, conversion.id)) ? fs.readdirSync(path.join(DIR, conversion.id)) : [];
      assert.ok(files.some((f) => f.endsWith('.input.yaml')), `missing ${DIR}/${conversion.id}/*.input.yaml`);
    });
  }
});

for (const id of fs.existsSync(DIR) ? fs.readdirSync(DIR).sort() : []) {
  describe(`conversion ${id}`, () => {
    for (const input of fs.readdirSync(path.join(DIR, id)).filter((f) => f.endsWith('.input.yaml')).sort()) {
      const base = path.join(DIR, id, input.replace(/\.input\.yaml$/, ''));
      it(`converts ${path.basename(base)}`, () => {
        const text = fs.readFileSync(base + '.input.yaml', 'utf8');
        const expected = fs.readFileSync(base + '.expected.yaml', 'utf8');
        const output = convertFile(id, text);
        assert.equal(output, expected);
        for (const part of output!.split(/^---[ \t]*\r?$/m)) assert.deepEqual(parseSection(part).doc.errors, []);
      });
    }
  });
}
