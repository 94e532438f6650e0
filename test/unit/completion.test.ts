import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { caret, doc, settings, testService } from '../support/service';

async function labelsAt(marked: string): Promise<string[]> {
  const { text, position } = caret(marked);
  const list = await testService().completion(doc(text), position, settings());
  return list?.items.map((i) => i.label) ?? [];
}

describe('completion', () => {
  it('offers spec keys in an SMCP', async () => {
    const labels = await labelsAt('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  |\n');
    for (const key of ['version', 'tracing', 'security', 'gateways', 'addons', 'mode']) assert.ok(labels.includes(key), `${key} in ${labels}`);
  });

  it('does not offer spec.mode or spec.meshConfig for a v2.3 control plane', async () => {
    const labels = await labelsAt('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.3\n  |\n');
    assert.ok(labels.includes('tracing'));
    assert.ok(!labels.includes('mode'), labels.join(','));
    assert.ok(!labels.includes('meshConfig'), labels.join(','));
  });

  it('offers spec.version values newest first, each with a note', async () => {
    const { text, position } = caret('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  version: |\n');
    const list = await testService().completion(doc(text), position, settings());
    const items = list?.items ?? [];
    assert.deepEqual(items.slice(0, 7).map((i) => i.label), ['v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0']);
    assert.ok(items.slice(0, 7).every((i) => typeof i.documentation === 'string' && i.documentation.length > 20));
  });

  it('offers enum values', async () => {
    const labels = await labelsAt('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  tracing:\n    type: |\n');
    assert.deepEqual(labels.filter((l) => ['None', 'Jaeger', 'Stackdriver'].includes(l)).sort(), ['Jaeger', 'None', 'Stackdriver']);
  });

  it('offers the known apiVersion/kind pairs in an empty document', async () => {
    const labels = await labelsAt('---\n|');
    assert.ok(labels.includes('ServiceMeshControlPlane (maistra.io/v2)'), labels.slice(0, 5).join(','));
    assert.ok(labels.includes('VirtualService (networking.istio.io/v1beta1)'));
  });

  it('offers kinds for a partial document with an apiVersion', async () => {
    const labels = await labelsAt('apiVersion: security.istio.io/v1beta1\nkind: |');
    assert.deepEqual(labels.sort(), ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication']);
  });

  it('offers nothing in YAML that is not a mesh resource', async () => {
    assert.deepEqual(await labelsAt('services:\n  web:\n    |\n'), []);
  });

  it('keeps every edit range inside the document on a whitespace-only line (found by the fuzz test)', async () => {
    // yaml-language-server answers here with ranges one character past the line's end.
    const { text, position } = caret('apiVersion: telemetry.istio.io/v1alpha1\n|  \nmetadata:\nkind: Telemetry\n');
    const list = await testService().completion(doc(text), position, settings());
    const lengths = text.split('\n').map((line) => line.length);
    const items = list?.items.filter((item) => item.textEdit) ?? [];
    assert.ok(items.length > 0, 'expected completions with edits');
    for (const item of items) {
      const edit = item.textEdit!;
      const range = 'range' in edit ? edit.range : edit.replace;
      for (const end of [range.start, range.end]) assert.ok(end.character <= lengths[end.line], `${item.label}: ${JSON.stringify(range)}`);
    }
  });
});
