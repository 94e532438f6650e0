import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { SCHEMAS_DIR, settings } from '../support/service';

const SMCP = `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: basic
  namespace: istio-system
spec:
  version: v2.0
  policy:
    type: Mixer
`;

describe('fix-all works in scratch state', () => {
  it("leaves the document's parse and diagnostics as they were", () => {
    const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR) });
    const document = { uri: 'file:///w/smcp.yaml', version: 7, text: SMCP };
    const before = service.diagnostics(document, settings());
    const sections = service.sections(document);
    const result = service.fixAll(document, settings());
    assert.notEqual(result.text, SMCP, 'the case has something to fix');
    // The very same parsed sections: fix-all's intermediate texts never replaced the document's cache entry.
    assert.equal(service.sections(document), sections);
    assert.deepEqual(service.diagnostics(document, settings()), before);
  });
});
