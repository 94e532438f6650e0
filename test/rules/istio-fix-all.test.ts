import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { doc, settings, testService } from '../support/service';

/** Which Istio fixes "fix all" applies: the behaviour-preserving ones only. */
describe('fix all and the Istio rules', () => {
  it('renames deprecated filter names and unserved apiVersions, but leaves ipBlocks and v2 types alone', () => {
    const text = [
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: EnvoyFilter',
      'metadata:',
      '  name: lua',
      'spec:',
      '  configPatches:',
      '  - applyTo: HTTP_FILTER',
      '    patch:',
      '      operation: INSERT_BEFORE',
      '      value:',
      '        name: envoy.lua',
      '        typed_config:',
      '          "@type": type.googleapis.com/envoy.config.filter.http.lua.v2.Lua',
      '---',
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata:',
      '  name: default',
      'spec:',
      '  mtls: {mode: STRICT}',
      '---',
      'apiVersion: security.istio.io/v1beta1',
      'kind: AuthorizationPolicy',
      'metadata:',
      '  name: allow-office',
      'spec:',
      '  rules:',
      '  - from:',
      '    - source:',
      '        ipBlocks: ["10.0.0.0/8"]',
      '',
    ].join('\n');
    const result = testService().fixAll(doc(text), settings());
    const expected = text
      .replace('name: envoy.lua', 'name: envoy.filters.http.lua')
      .replace('apiVersion: security.istio.io/v1\n', 'apiVersion: security.istio.io/v1beta1\n');
    assert.equal(result.text, expected);
  });

  it('rewrites consecutiveErrors to the equivalent gateway-error settings, not to consecutive5xxErrors', () => {
    const text = [
      'apiVersion: networking.istio.io/v1beta1',
      'kind: DestinationRule',
      'metadata:',
      '  name: reviews',
      'spec:',
      '  host: reviews',
      '  trafficPolicy:',
      '    outlierDetection:',
      '      consecutiveErrors: 5',
      '',
    ].join('\n');
    const result = testService().fixAll(doc(text), settings());
    assert.equal(result.text, text.replace('consecutiveErrors: 5', 'consecutiveGatewayErrors: 5\n      consecutive5xxErrors: 0'));
  });
});
