import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { isWholeFileMesh } from '../../client/src/mesh-documents';
import { meshSchemaContributor } from '../../client/src/schema-contributor';

describe('which files Mesh Config claims from vscode-yaml', () => {
  it('claims a file of mesh resources only', () => {
    assert.equal(isWholeFileMesh('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\n---\napiVersion: networking.istio.io/v1beta1\nkind: Gateway\n'), true);
  });

  it('ignores comments and empty documents between mesh resources', () => {
    assert.equal(isWholeFileMesh('# mesh\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n---\n# trailing\n'), true);
  });

  it('leaves files that mix mesh and other Kubernetes resources to vscode-yaml', () => {
    assert.equal(isWholeFileMesh('apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\n'), false);
  });

  it('leaves non-mesh YAML alone', () => {
    assert.equal(isWholeFileMesh('name: CI\non: push\n'), false);
    assert.equal(isWholeFileMesh(''), false);
  });

  it('recognises quoted apiVersions', () => {
    assert.equal(isWholeFileMesh('apiVersion: "telemetry.istio.io/v1alpha1"\nkind: Telemetry\n'), true);
  });
});

describe('the schema contributor Mesh Config registers with vscode-yaml', () => {
  const files: Record<string, string> = {
    'file:///w/smcp.yaml': 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\n',
    'file:///w/ci.yaml': 'name: CI\non: push\n',
  };
  const contributor = meshSchemaContributor((resource) => files[resource], 'Handled by Mesh Config');

  it('answers with a URI whose scheme is its registered name, as vscode-yaml needs to fetch the content', () => {
    const uri = contributor.requestSchema('file:///w/smcp.yaml');
    assert.ok(uri);
    assert.equal(new URL(uri).protocol, `${contributor.name}:`);
  });

  it('gives a schema that allows anything and describes nothing', () => {
    const schema = JSON.parse(contributor.requestSchemaContent(contributor.requestSchema('file:///w/smcp.yaml')!)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(schema), ['title']);
  });

  it('does not answer for other YAML or for files it cannot see', () => {
    assert.equal(contributor.requestSchema('file:///w/ci.yaml'), undefined);
    assert.equal(contributor.requestSchema('file:///w/closed.yaml'), undefined);
  });
});
