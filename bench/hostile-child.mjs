// One measurement of the hostile stage, in its own process so peak memory is
// this file's alone: `node bench/hostile-child.mjs <check|plan> <file>` prints
// {"ms": …, "peakRssMb": …, "findings": …} on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const { createMeshLanguageService, folderSchemaSource, resolveSettings } = require(join(ROOT, 'out/server/src/service'));
const { computeUpgradePlan } = require(join(ROOT, 'out/server/src/service/upgrade-plan.js'));
const { loadPrecompiledValidators } = require(join(ROOT, 'out/server/src/precompiled.js'));

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const service = createMeshLanguageService({ schemas: folderSchemaSource(join(ROOT, 'schemas')), precompiledValidators: loadPrecompiledValidators() });
const settings = resolveSettings({ targetVersion: 'v2.6' }).settings;
const input = { uri: 'file:///bench/hostile.yaml', version: 1, text };
const start = performance.now();
let findings = 0;
if (mode === 'plan') {
  const plan = computeUpgradePlan(service, [{ path: 'hostile.yaml', uri: input.uri, text }], settings);
  findings = plan.controlPlanes.length;
} else {
  // What the CLI does per file: the diagnostics, then whether each has a safe fix.
  const diagnostics = service.diagnostics(input, settings);
  for (const diagnostic of diagnostics) service.availableFixes(input, diagnostic, settings);
  findings = diagnostics.length;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, findings }));
