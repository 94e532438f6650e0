import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { isWholeFileMesh } from '../../client/src/mesh-documents';

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
