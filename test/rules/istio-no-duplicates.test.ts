import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { doc, formatRange, settings, testService } from '../support/service';

/**
 * Invalid TLS modes are the schema layer's job (enums in the generated
 * schemas), so no Istio rule reports them. These cases prove the schema
 * reports each exactly once, and that where a rule explains a field better
 * than the schema (a removed or deprecated field), only the rule's finding
 * is shown.
 */

function findingsAt(text: string, line: number, target = 'v2.6') {
  const diagnostics = testService().diagnostics(doc(text), settings({ targetVersion: target }));
  return diagnostics.filter((d) => d.range.start.line + 1 === line).map((d) => `${String(d.code)} ${formatRange(d.range)}`);
}

describe('invalid TLS modes are reported once, by the schema', () => {
  it('PeerAuthentication mtls.mode', () => {
    const text = 'apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n  name: default\nspec:\n  mtls:\n    mode: BLAH\n';
    assert.deepEqual(findingsAt(text, 7), ['schema-invalid-value 7:11-7:15']);
  });

  it('PeerAuthentication portLevelMtls mode', () => {
    const text = [
      'apiVersion: security.istio.io/v1beta1',
      'kind: PeerAuthentication',
      'metadata:',
      '  name: per-port',
      'spec:',
      '  selector:',
      '    matchLabels: {app: reviews}',
      '  portLevelMtls:',
      '    8080:',
      '      mode: MUTUAL',
      '',
    ].join('\n');
    assert.deepEqual(findingsAt(text, 10), ['schema-invalid-value 10:13-10:19']);
  });

  it('DestinationRule trafficPolicy.tls.mode, top level and per port', () => {
    const text = [
      'apiVersion: networking.istio.io/v1beta1',
      'kind: DestinationRule',
      'metadata:',
      '  name: reviews',
      'spec:',
      '  host: reviews',
      '  trafficPolicy:',
      '    tls:',
      '      mode: STRICT',
      '    portLevelSettings:',
      '    - port: {number: 9080}',
      '      tls: {mode: PERMISSIVE}',
      '',
    ].join('\n');
    assert.deepEqual(findingsAt(text, 9), ['schema-invalid-value 9:13-9:19']);
    assert.deepEqual(findingsAt(text, 12), ['schema-invalid-value 12:19-12:29']);
  });

  it('Gateway servers[].tls.mode', () => {
    const text = [
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: Gateway',
      'metadata:',
      '  name: bookinfo',
      'spec:',
      '  selector: {istio: ingressgateway}',
      '  servers:',
      '  - port: {number: 443, name: https, protocol: HTTPS}',
      '    hosts: ["*"]',
      '    tls:',
      '      mode: ISTIO_MUTUAL_TLS',
      '      credentialName: bookinfo-cert',
      '',
    ].join('\n');
    assert.deepEqual(findingsAt(text, 11), ['schema-invalid-value 11:13-11:29']);
  });

  it('valid modes give no finding at all', () => {
    const text = 'apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n  name: default\nspec:\n  mtls:\n    mode: STRICT\n';
    assert.deepEqual(findingsAt(text, 7), []);
  });
});

describe('a rule that explains a field replaces the schema finding at the same place', () => {
  it('EnvoyFilter workloadLabels: only envoy-filter-removed-field', () => {
    const text = 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: old\nspec:\n  workloadLabels:\n    app: reviews\n';
    assert.deepEqual(findingsAt(text, 6), ['envoy-filter-removed-field 6:3-6:17']);
  });

  it('VirtualService fault.abort.percent: only istio-deprecated-field', () => {
    const text = [
      'apiVersion: networking.istio.io/v1beta1',
      'kind: VirtualService',
      'metadata:',
      '  name: ratings',
      'spec:',
      '  hosts: [ratings]',
      '  http:',
      '  - fault:',
      '      abort:',
      '        percent: 10',
      '        httpStatus: 500',
      '    route:',
      '    - destination: {host: ratings}',
      '',
    ].join('\n');
    assert.deepEqual(findingsAt(text, 10), ['istio-deprecated-field 10:9-10:16']);
  });

  it('ServiceEntry with 257 hosts: only service-entry-ossm3-incompatible', () => {
    const hosts = Array.from({ length: 257 }, (_, i) => `  - h${i}.example.com`);
    const text = ['apiVersion: networking.istio.io/v1beta1', 'kind: ServiceEntry', 'metadata:', '  name: many', 'spec:', '  hosts:', ...hosts, '  ports: [{number: 443, name: https, protocol: TLS}]', ''].join('\n');
    assert.deepEqual(findingsAt(text, 7), ['service-entry-ossm3-incompatible 7:3-264:1']);
  });

  it('turning the rule off brings the schema finding back', () => {
    const text = 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: old\nspec:\n  workloadLabels:\n    app: reviews\n';
    const diagnostics = testService().diagnostics(doc(text), settings({ rules: { 'envoy-filter-removed-field': 'off' } }));
    assert.deepEqual(
      diagnostics.filter((d) => d.range.start.line === 5).map((d) => d.code),
      ['schema-unknown-field'],
    );
  });
});
