import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { parseDocument } from 'yaml';
import { identifyResource } from '../../server/src/service/core/resources';
import { effectiveSmcpVersion, smcpVersionOf } from '../../server/src/service/core/smcp-version-of';
import { parseKnownVersion } from '../../server/src/service/core/versions';
import { RULES } from '../../server/src/service/rules/registry';
import type { Rule, RuleGate, RuleVersions } from '../../server/src/service/rules/types';
import { gateOpen, upgradeVersion } from '../../server/src/service/rules/version-gate';
import { doc, SCHEMAS_DIR, settings } from '../support/service';

function v(name: string) {
  const parsed = parseKnownVersion(name);
  if (!parsed) throw new Error(`not a known version: ${name}`);
  return parsed;
}

/** A declared window, the control plane's own `spec.version` ('-' for none), the target, and whether the rule runs. */
type Row = readonly [versions: RuleVersions | undefined, gate: RuleGate | undefined, smcp: string, target: string, runs: boolean];

const REMOVED_2_4: RuleVersions = { deprecatedIn: 'v2.3', removedIn: 'v2.4' };
const SINCE_2_0: RuleVersions = { since: 'v2.0' };

const TABLE: readonly Row[] = [
  // No gate: every version.
  [undefined, undefined, 'v2.0', 'v2.0', true],
  [REMOVED_2_4, undefined, '-', 'v2.0', true],
  // The upgrade reaches the version when the target does...
  [REMOVED_2_4, { from: 'removedIn' }, 'v2.3', 'v2.3', false],
  [REMOVED_2_4, { from: 'removedIn' }, 'v2.3', 'v2.4', true],
  [REMOVED_2_4, { from: 'removedIn' }, 'v2.0', 'v2.6', true],
  // ...or when the control plane is already there, whatever the target.
  [REMOVED_2_4, { from: 'removedIn' }, 'v2.4', 'v2.3', true],
  [REMOVED_2_4, { from: 'removedIn' }, 'v2.6', 'v2.0', true],
  // Without a usable spec.version the operator fills in the target.
  [REMOVED_2_4, { from: 'removedIn' }, '-', 'v2.3', false],
  [REMOVED_2_4, { from: 'removedIn' }, '-', 'v2.4', true],
  [REMOVED_2_4, { from: 'removedIn' }, 'v1.1', 'v2.4', true],
  // The gate opens at the entry it names, not at the earliest one.
  [REMOVED_2_4, { from: 'deprecatedIn' }, 'v2.3', 'v2.3', true],
  [REMOVED_2_4, { from: 'deprecatedIn' }, 'v2.2', 'v2.2', false],
  // 'current': the control plane as written; the target does not open it.
  [SINCE_2_0, { from: 'since', on: 'current' }, 'v1.1', 'v2.6', false],
  [SINCE_2_0, { from: 'since', on: 'current' }, 'v1.0', 'v2.0', false],
  [SINCE_2_0, { from: 'since', on: 'current' }, 'v2.0', 'v2.0', true],
  [SINCE_2_0, { from: 'since', on: 'current' }, '-', 'v2.0', true],
  [{ since: 'v2.4' }, { from: 'since', on: 'current' }, 'v2.3', 'v2.6', false],
  [{ since: 'v2.4' }, { from: 'since', on: 'current' }, 'v2.5', 'v2.3', true],
  // A gate naming a version the rule does not declare keeps the rule quiet.
  [SINCE_2_0, { from: 'removedIn' }, 'v2.6', 'v2.6', false],
  [undefined, { from: 'since' }, 'v2.6', 'v2.6', false],
];

describe('the version gate', () => {
  for (const [versions, gate, smcp, target, runs] of TABLE) {
    const window = gate ? `${gate.on ?? 'upgrade'} from ${gate.from} (${JSON.stringify(versions ?? {})})` : 'no gate';
    it(`${window}, spec.version ${smcp}, target ${target}: ${runs ? 'runs' : 'stays quiet'}`, () => {
      const view = { smcpVersion: smcp === '-' ? undefined : v(smcp), target: v(target) };
      assert.equal(gateOpen({ versions, gate }, view), runs);
    });
  }

  it('the upgrade version is the later of the effective SMCP version and the target', () => {
    assert.equal(upgradeVersion({ smcpVersion: v('v2.2'), target: v('v2.5') }).name, 'v2.5');
    assert.equal(upgradeVersion({ smcpVersion: v('v2.6'), target: v('v2.3') }).name, 'v2.6');
    assert.equal(upgradeVersion({ smcpVersion: undefined, target: v('v2.3') }).name, 'v2.3');
  });

  it('every registered gate names a version its rule declares', () => {
    const broken = RULES.filter((r) => r.meta.gate && r.meta.versions?.[r.meta.gate.from] === undefined).map((r) => r.meta.id);
    assert.deepEqual(broken, []);
  });
});

describe("a resource's effective SMCP version", () => {
  const CASES: readonly [yaml: string, target: string, effective: string][] = [
    ['apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  version: v2.3\n', 'v2.6', 'v2.3'],
    ['apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  version: v2.7\n', 'v2.6', 'v2.6'],
    ['apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  version: 2.3\n', 'v2.5', 'v2.5'],
    ['apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec: {}\n', 'v2.4', 'v2.4'],
    ['apiVersion: maistra.io/v1\nkind: ServiceMeshControlPlane\nspec:\n  version: v1.1\n', 'v2.6', 'v1.1'],
    // Only a control plane has a version of its own; anything else runs on the target's.
    ['apiVersion: networking.istio.io/v1beta1\nkind: Gateway\nspec:\n  version: v2.0\n', 'v2.6', 'v2.6'],
  ];
  for (const [yaml, target, effective] of CASES) {
    it(`${yaml.split('\n').slice(0, 2).join(' ')} ${yaml.match(/version: (\S+)/)?.[1] ?? '(none)'}, target ${target} → ${effective}`, () => {
      const resource = identifyResource(parseDocument(yaml));
      assert.ok(resource);
      const smcpVersion = smcpVersionOf(resource);
      assert.equal(effectiveSmcpVersion({ smcpVersion, target: v(target) }).name, effective);
    });
  }
});

describe('the engine applies a declared gate before it calls the rule', () => {
  // A probe that reports on every control plane it is asked about: whether it speaks is the gate's doing alone.
  const probe: Rule = {
    meta: {
      id: 'probe-gated',
      category: 'deprecated',
      severity: 'warning',
      appliesTo: { kinds: ['ServiceMeshControlPlane'] },
      versions: { deprecatedIn: 'v2.4' },
      gate: { from: 'deprecatedIn' },
      fixable: false,
      summary: 'probe',
    },
    check(context) {
      context.report({ span: [0, 10], message: 'probe' });
    },
  };
  const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR), rules: [probe] });
  const smcp = (version: string) => `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: ${version}\n`;
  const CASES: readonly [version: string, target: string, runs: boolean][] = [
    ['v2.3', 'v2.3', false],
    ['v2.3', 'v2.4', true],
    ['v2.4', 'v2.3', true],
    ['v2.0', 'v2.0', false],
  ];
  for (const [version, target, runs] of CASES) {
    it(`spec.version ${version}, target ${target}: ${runs ? 'reports' : 'quiet'}`, () => {
      const codes = service.diagnostics(doc(smcp(version)), settings({ targetVersion: target })).map((d) => d.code);
      assert.equal(codes.includes('probe-gated'), runs);
    });
  }
});

describe('a fix is offered only where its rule runs', () => {
  // Diagnostics computed for v2.6, then asked about under v2.3 (a target changed in between):
  // the gate is closed there, so the cipher-suite fix must not be offered.
  const text = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
spec:
  version: v2.3
  security:
    controlPlane:
      tls:
        cipherSuites:
        - ECDHE-RSA-AES128-GCM-SHA256
        - AES128-SHA
`;
  const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
  const input = doc(text);
  const stale = service.diagnostics(input, settings({ targetVersion: 'v2.6' })).find((d) => d.code === 'smcp-cipher-suites-removed');
  for (const [target, offered] of [['v2.6', true], ['v2.3', false]] as const) {
    it(`target ${target}: ${offered ? 'offered' : 'not offered'}`, () => {
      assert.ok(stale);
      assert.equal(service.availableFixes(input, stale, settings({ targetVersion: target })).length > 0, offered);
    });
  }
});
