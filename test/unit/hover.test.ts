import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { caret, doc, settings, testService } from '../support/service';

async function hoverText(marked: string): Promise<string> {
  const { text, position } = caret(marked);
  const hover = await testService().hover(doc(text), position, settings());
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

describe('hover', () => {
  it('explains spec.tracing.sampling units and the value as a percentage', async () => {
    const text = await hoverText('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  tracing:\n    samp|ling: 500\n');
    assert.match(text, /0\.01 %/);
    assert.match(text, /= 5 %/);
    assert.match(text, /integer/);
  });

  it('lists the allowed values of an enum field', async () => {
    const text = await hoverText('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  tracing:\n    ty|pe: Jaeger\n');
    assert.match(text, /`None`, `Jaeger`, `Stackdriver`/);
  });

  it('shows the SMCP versions in which a field exists', async () => {
    const text = await hoverText('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nspec:\n  version: v2.6\n  mo|de: ClusterWide\n');
    assert.match(text, /v2\.4 – v2\.6/);
  });

  it('returns nothing outside mesh resources', async () => {
    const { text, position } = caret('apiVersion: v1\nkind: Service\nmetadata:\n  na|me: web\n');
    assert.equal(await testService().hover(doc(text), position, settings()), null);
  });
});
