import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { isScalar, visit } from 'yaml';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import type { Rule } from '../../server/src/service/rules/types';
import { hasPatchDirective, isPatchFile, templateSpans } from '../../server/src/service/core/templates';
import { doc, isSmcpAdvice, SCHEMAS_DIR, settings, testService } from '../support/service';

const codes = (text: string, uri?: string) =>
  testService()
    .diagnostics(doc(text, uri), settings({ targetVersion: 'v2.6' }))
    .filter((d) => !isSmcpAdvice(d.code))
    .map((d) => `${String(d.code)}@${d.range.start.line + 1}`);

const HELM_SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: {{ .Values.controlPlane.name }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "mesh.labels" . | nindent 4 }}
spec:
  version: {{ .Values.controlPlane.version | quote }}
  {{- if .Values.tracing.enabled }}
  tracing:
    type: Jaeger
    sampling: {{ .Values.tracing.sampling }}
  {{- end }}
  policy:
    type: Mixer
`;

const HELM_VIRTUAL_SERVICE = `{{- range .Values.routes }}
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: {{ .name }}
spec:
  hosts:
  - {{ .host | quote }}
  http:
  - route:
    - destination:
        host: {{ .service }}
        port:
          number: {{ .port }}
      weight: {{ .weight | default 100 }}
{{- end }}
`;

describe('templated YAML (Helm, Go templates)', () => {
  it('finds template actions, and nothing in plain YAML or nested flow mappings of data', () => {
    assert.deepEqual(templateSpans('a: {{ .Values.x }}\nb: {{- if .y }}'), [
      [3, 18],
      [22, 34],
    ]);
    assert.deepEqual(templateSpans('a: 1\nb: [x, y]\n'), []);
    assert.deepEqual(templateSpans('lua: "{{1, 2}}"'), []);
    assert.deepEqual(templateSpans('a: {{ unclosed'), [[3, 14]]);
  });

  it('reports no syntax or schema errors in a Helm SMCP, and still reports the rule on a plain node', () => {
    // Without template detection this chart gives eleven yaml-syntax errors.
    const found = codes(HELM_SMCP);
    assert.ok(found.includes('smcp-mixer-policy-removed@16'), found.join());
    assert.deepEqual(found.filter((c) => /^(yaml-syntax|schema-)/.test(c)), []);
  });

  it('does not report type errors for values that are template actions', () => {
    // `number: {{ .port }}` parses as a flow mapping; the schema would call it "not a number".
    assert.deepEqual(codes(HELM_VIRTUAL_SERVICE), []);
  });

  it('keeps checking plain sections of the same file', () => {
    const plain = `---\napiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: [unclosed\n`;
    const found = codes(HELM_SMCP + plain);
    assert.ok(found.includes('smcp-mixer-policy-removed@16'), found.join());
    assert.ok(found.some((c) => c.startsWith('yaml-syntax@')), found.join());
    assert.ok(found.every((c) => !c.startsWith('yaml-syntax@') || Number(c.split('@')[1]) > 17), found.join());
  });

  it('drops rule findings on nodes that hold a template action', () => {
    // A rule that flags every scalar value: only the plain ones may survive.
    const everyValue: Rule = {
      meta: { id: 'every-value', category: 'invalid', severity: 'info', appliesTo: { groups: ['*'] }, fixable: false, summary: 'test' },
      check(ctx) {
        visit(ctx.section.doc, {
          Pair(_, pair) {
            if (isScalar(pair.value) && pair.value.range) {
              ctx.report({ span: [pair.value.range[0], pair.value.range[1]], message: String(pair.value.value) });
            }
          },
        });
      },
    };
    const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR), rules: [everyValue] });
    const text = `apiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata:\n  name: "{{ .Values.name }}"\n  namespace: mesh\nspec:\n  selector:\n    istio: "ingress-{{ .Values.suffix }}"\n`;
    const messages = service
      .diagnostics(doc(text), settings())
      .filter((d) => d.code === 'every-value')
      .map((d) => d.message);
    assert.deepEqual(messages, ['networking.istio.io/v1beta1', 'Gateway', 'mesh']);
  });
});

describe('kustomize patches and other fragments', () => {
  const DESTINATION_RULE_PATCH = `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: reviews
spec:
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
`;

  it('reports a missing required field in a full resource (the check the patch cases turn off)', () => {
    assert.deepEqual(codes(DESTINATION_RULE_PATCH, 'file:///repo/base/reviews.yaml'), ['schema-missing-field@5']);
  });

  it('does not report missing fields in files named or placed as patches', () => {
    assert.deepEqual(codes(DESTINATION_RULE_PATCH, 'file:///repo/overlays/prod/reviews-patch.yaml'), []);
    assert.deepEqual(codes(DESTINATION_RULE_PATCH, 'file:///repo/overlays/prod/patches/reviews.yaml'), []);
    assert.deepEqual(codes(DESTINATION_RULE_PATCH, 'file:///repo/overlays/prod/patchesStrategicMerge.yaml'), []);
  });

  it('does not report missing fields in documents with patch directives', () => {
    const deleteSubset = `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: reviews
spec:
  subsets:
  - name: v3
    $patch: delete
`;
    assert.deepEqual(codes(deleteSubset, 'file:///repo/base/reviews.yaml'), []);
    const order = DESTINATION_RULE_PATCH + '  $setElementOrder/subsets:\n  - name: v1\n';
    assert.deepEqual(codes(order, 'file:///repo/base/reviews.yaml'), []);
  });

  it('does not report missing fields in a resource without a name (a fragment) nor anything in one without a kind', () => {
    const unnamed = `apiVersion: networking.istio.io/v1beta1\nkind: ServiceEntry\nspec:\n  location: MESH_EXTERNAL\n`;
    assert.deepEqual(codes(unnamed), []);
    const noKind = `apiVersion: maistra.io/v2\nmetadata:\n  name: basic\nspec:\n  policy:\n    type: Mixer\n`;
    assert.deepEqual(codes(noKind), []);
  });

  it('still reports other schema problems and rules in a patch', () => {
    const smcpPatch = `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.0\n  policy:\n    type: Mixer\n  tracingg: {}\n`;
    const found = codes(smcpPatch, 'file:///repo/overlays/smcp-patch.yaml');
    assert.ok(found.includes('smcp-mixer-policy-removed@8'), found.join());
    assert.ok(found.includes('schema-unknown-field@9'), found.join());
  });

  it('recognises patch directives and patch file names cheaply and exactly', () => {
    assert.ok(hasPatchDirective('a:\n  $patch: replace\n'));
    assert.ok(hasPatchDirective('{"$retainKeys": ["a"]}'));
    assert.ok(!hasPatchDirective('price: $5\nnote: "costs $patchy"\n'));
    assert.ok(isPatchFile('file:///c%3A/repo/Patches/tls.yaml'));
    assert.ok(isPatchFile('file:///repo/tracingPatch.yaml'));
    assert.ok(!isPatchFile('file:///repo/dispatcher.yaml'));
  });
});
