// Compiles every bundled schema to JavaScript validation code with ajv's
// standalone mode, so the language server and CLI do not compile schemas at
// run time. Each validator sits in its own factory function: a process only
// evaluates the validators of the kinds it actually meets.
// Writes server/generated/validators.js (git-ignored); the esbuild bundles include it.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AJV_OPTIONS } from './ajv-options.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas', 'catalog.json'), 'utf8'));
const parts = ['"use strict";', 'const factories = {};'];
for (const entry of catalog.resources) {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', entry.schema), 'utf8'));
  delete schema.$id;
  delete schema.$schema;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  parts.push(`factories[${JSON.stringify(entry.schema)}] = function () {\nconst module = { exports: {} };\nconst exports = module.exports;\n${code}\nreturn module.exports;\n};`);
}
parts.push('const made = {};');
parts.push('exports.validator = function (schemaPath) {\n  if (!made[schemaPath] && factories[schemaPath]) made[schemaPath] = factories[schemaPath]();\n  return made[schemaPath];\n};');
parts.push(`exports.schemaPaths = ${JSON.stringify(catalog.resources.map((r) => r.schema))};`);
const out = join(ROOT, 'server', 'generated', 'validators.js');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, parts.join('\n') + '\n');
console.log(`compiled ${catalog.resources.length} validators to ${out}`);
