import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { CatalogEntry, SchemaCatalog } from '../../server/src/service/schemas/catalog';
import { YamlSchemaFeatures } from '../../server/src/service/schemas/yamlls';
import { SCHEMAS_DIR, settings } from '../support/service';

/** A catalog that records which schemas yaml-language-server had projected for it. */
function countingCatalog(): { catalog: SchemaCatalog; loads: string[] } {
  const catalog = new SchemaCatalog(folderSchemaSource(SCHEMAS_DIR));
  const loads: string[] = [];
  const schema = catalog.schema.bind(catalog);
  catalog.schema = (entry: CatalogEntry) => {
    loads.push(entry.schemaPath);
    return schema(entry);
  };
  return { catalog, loads };
}

const SMCP = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.6\n';

describe('preparing schemas ahead of the first completion or hover', () => {
  it('loads a schema once, before the first hover needs it', async () => {
    const { catalog, loads } = countingCatalog();
    const features = new YamlSchemaFeatures(catalog);
    const entry = catalog.lookup('maistra.io/v2', 'ServiceMeshControlPlane')!;
    assert.equal(await features.prepare(entry, 'v2.6'), true);
    assert.deepEqual(loads, ['maistra.io/v2/ServiceMeshControlPlane.json']);
    assert.equal(await features.prepare(entry, 'v2.6'), false, 'a second preparation has nothing to do');

    const hover = await features.hover(SMCP, { line: 5, character: 3 }, entry, 'v2.6');
    assert.ok(hover, 'the prepared schema answers hover');
    assert.equal(loads.length, 1, 'hover reused the prepared schema');
  });

  it('keeps resolved schemas across kinds and versions: each is loaded once however requests alternate', async () => {
    const { catalog, loads } = countingCatalog();
    const features = new YamlSchemaFeatures(catalog);
    const smcp = catalog.lookup('maistra.io/v2', 'ServiceMeshControlPlane')!;
    const virtualService = catalog.lookup('networking.istio.io/v1beta1', 'VirtualService')!;
    for (let i = 0; i < 3; i++) {
      await features.hover(SMCP, { line: 5, character: 3 }, smcp, 'v2.6');
      await features.hover('apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nspec:\n  hosts: [a]\n', { line: 3, character: 3 }, virtualService, undefined);
      await features.complete(SMCP.replace('v2.6', 'v2.5'), { line: 5, character: 3 }, smcp, 'v2.5');
    }
    assert.deepEqual(loads.sort(), ['maistra.io/v2/ServiceMeshControlPlane.json', 'maistra.io/v2/ServiceMeshControlPlane.json', 'networking.istio.io/v1beta1/VirtualService.json']);
  });
});

describe('the service prepares the schemas a document uses', () => {
  it('within a budget, reporting whether it finished', async () => {
    const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
    const document = { uri: 'file:///prepare.yaml', version: 1, text: `${SMCP}---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: a\n` };
    assert.equal(await service.prepareSchemas(document, settings(), -1), false, 'an exhausted budget starts nothing');
    assert.equal(await service.prepareSchemas(document, settings()), true);
  });
});
