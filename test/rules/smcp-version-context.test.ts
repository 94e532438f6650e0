import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { SMCP_RULES } from '../../server/src/service/rules/smcp';
import { behaviourChangesBetween } from '../../server/src/service/rules/smcp/support/behaviour-changes';
import { parseVersion } from '../../server/src/service/core/versions';
import { doc, settings, testService } from '../support/service';

/** A v2.0 production control plane from before the Mixer removal, the kind people upgrade from. */
const V2_0_SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: production
  namespace: istio-system
spec:
  version: v2.0
  policy:
    type: Mixer
    mixer:
      enableChecks: true
  telemetry:
    type: Mixer
  tracing:
    type: Jaeger
    sampling: 500
  security:
    dataPlane:
      mtls: true
    controlPlane:
      tls:
        cipherSuites:
        - ECDHE-RSA-AES128-GCM-SHA256
        - AES128-SHA
  gateways:
    openshiftRoute:
      enabled: true
  runtime:
    components:
      mixer.policy:
        deployment:
          replicas: 2
  addons:
    3scale:
      enabled: true
    grafana:
      enabled: true
    jaeger:
      name: jaeger
      install:
        storage:
          type: Memory
    kiali:
      enabled: true
    prometheus:
      enabled: true
`;

const OWN_IDS = new Set(SMCP_RULES.map((r) => r.meta.id));

function ruleIds(text: string, targetVersion: string, rules: Record<string, string> = {}): string[] {
  const found = testService()
    .diagnostics(doc(text), settings({ targetVersion, rules }))
    .map((d) => String(d.code))
    .filter((code) => OWN_IDS.has(code));
  return [...new Set(found)].sort();
}

const REMOVED_IN_2_1 = ['smcp-3scale-removed', 'smcp-mixer-policy-removed', 'smcp-mixer-telemetry-removed', 'smcp-runtime-component-version'];
const FROM_2_4 = [
  ...REMOVED_IN_2_1,
  'smcp-behaviour-changes',
  'smcp-cipher-suites-removed',
  'smcp-grafana-deprecated',
  'smcp-ior-deprecated',
  'smcp-upgrade-path',
  'smcp-version',
];

describe('one v2.0 control plane under different targets', () => {
  it('is clean when the target is its own version, v2.0', () => {
    assert.deepEqual(ruleIds(V2_0_SMCP, 'v2.0'), []);
  });

  it('on target v2.1 reports the Mixer and 3scale blockers and the behaviour changes of one step', () => {
    assert.deepEqual(ruleIds(V2_0_SMCP, 'v2.1'), [...REMOVED_IN_2_1, 'smcp-behaviour-changes'].sort());
  });

  it('on target v2.4 adds the version window, the upgrade path, cipher suites, Grafana and IOR', () => {
    assert.deepEqual(ruleIds(V2_0_SMCP, 'v2.4'), [...FROM_2_4].sort());
  });

  it('on target v2.6 adds the Jaeger deprecation', () => {
    assert.deepEqual(ruleIds(V2_0_SMCP, 'v2.6'), [...FROM_2_4, 'smcp-jaeger-deprecated'].sort());
  });

  it('a per-file target comment wins over the setting', () => {
    assert.deepEqual(ruleIds('# mesh-config: target=v2.0\n' + V2_0_SMCP, 'v2.6'), []);
  });
});

describe('suppressions and severity settings on SMCP rules', () => {
  it('a disable-next-line comment silences one rule on the next line only', () => {
    const text = V2_0_SMCP.replace('    3scale:\n', '    # mesh-config-disable-next-line smcp-3scale-removed\n    3scale:\n');
    const ids = ruleIds(text, 'v2.6');
    assert.ok(!ids.includes('smcp-3scale-removed'));
    assert.ok(ids.includes('smcp-mixer-policy-removed'));
  });

  it('a disable comment silences a rule in the whole document', () => {
    const text = '# mesh-config-disable smcp-cipher-suites-removed smcp-grafana-deprecated\n' + V2_0_SMCP;
    const ids = ruleIds(text, 'v2.6');
    assert.ok(!ids.includes('smcp-cipher-suites-removed'));
    assert.ok(!ids.includes('smcp-grafana-deprecated'));
    assert.ok(ids.includes('smcp-jaeger-deprecated'));
  });

  it('per-rule severity settings change or turn off SMCP findings', () => {
    const diagnostics = testService().diagnostics(
      doc(V2_0_SMCP),
      settings({ rules: { 'smcp-cipher-suites-removed': 'warning', 'smcp-jaeger-deprecated': 'off', 'smcp-behaviour-changes': 'error' } }),
    );
    const of = (id: string) => diagnostics.filter((d) => d.code === id);
    assert.deepEqual(of('smcp-cipher-suites-removed').map((d) => d.severity), [DiagnosticSeverity.Warning]);
    assert.deepEqual(of('smcp-jaeger-deprecated'), []);
    // One finding per behaviour change from v2.0 to v2.6 (ten), each raised to error.
    assert.deepEqual(of('smcp-behaviour-changes').map((d) => d.severity), Array(10).fill(DiagnosticSeverity.Error));
  });

  it('a per-finding severity (an unmaintained version is a warning) is still overridden by the setting', () => {
    const text = V2_0_SMCP.replace('version: v2.0', 'version: v2.3');
    const [plain] = testService().diagnostics(doc(text), settings()).filter((d) => d.code === 'smcp-version');
    assert.equal(plain.severity, DiagnosticSeverity.Warning);
    const [raised] = testService()
      .diagnostics(doc(text), settings({ rules: { 'smcp-version': 'error' } }))
      .filter((d) => d.code === 'smcp-version');
    assert.equal(raised.severity, DiagnosticSeverity.Error);
  });

  it('deprecated fields are tagged Deprecated and link to their docs page', () => {
    const [grafana] = testService().diagnostics(doc(V2_0_SMCP), settings()).filter((d) => d.code === 'smcp-grafana-deprecated');
    assert.deepEqual(grafana.tags, [DiagnosticTag.Deprecated]);
    assert.match(grafana.codeDescription?.href ?? '', /smcp-grafana-deprecated/);
  });
});

describe('behaviourChangesBetween', () => {
  const v = (name: string) => parseVersion(name)!;

  it('lists the steps with changes in upgrade order, and nothing for a step without any', () => {
    const steps = behaviourChangesBetween(v('v2.0'), v('v2.6')).map((s) => `${s.step.from.name}->${s.step.to.name}`);
    assert.deepEqual(steps, ['v2.0->v2.1', 'v2.1->v2.2', 'v2.3->v2.4', 'v2.4->v2.5', 'v2.5->v2.6']);
    assert.deepEqual(behaviourChangesBetween(v('v2.2'), v('v2.3')), []);
    assert.deepEqual(behaviourChangesBetween(v('v2.6'), v('v2.4')), []);
  });

  it('names the concrete change of each step', () => {
    const text = (from: string, to: string) => behaviourChangesBetween(v(from), v(to)).flatMap((s) => s.changes).join('\n');
    assert.match(text('v2.1', 'v2.2'), /istio-cni-node/);
    assert.match(text('v2.1', 'v2.2'), /127\.0\.0\.1/);
    assert.match(text('v2.4', 'v2.5'), /2500m gives 3 workers/);
    assert.match(text('v2.5', 'v2.6'), /startupProbe/);
    assert.match(text('v2.0', 'v2.1'), /remoteIpBlocks/);
  });
});
