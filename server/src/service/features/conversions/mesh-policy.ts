import { policyDocuments } from './authentication-policy';
import type { Conversion, ConversionInput, ConversionResult } from './types';
import * as l10n from '@vscode/l10n';

/** Where the control plane runs when the resource does not say (MeshPolicy is cluster-scoped). */
export const DEFAULT_CONTROL_PLANE_NAMESPACE = 'istio-system';

const SMCP_MTLS_ADVICE =
  'The upgrade guide sets mesh-wide mTLS on the ServiceMeshControlPlane instead: spec.security.dataPlane.mtls: true (v1: spec.istio.global.mtls.enabled: true), and the operator creates the mesh-wide PeerAuthentication. Keep this PeerAuthentication only if you do not.';

/**
 * MeshPolicy (authentication.istio.io/v1alpha1) and ServiceMeshPolicy
 * (maistra.io/v1) → the mesh-wide PeerAuthentication `default` in the
 * control-plane namespace (plus RequestAuthentication when it had origins).
 */
export const meshPolicyConversion: Conversion = {
  id: 'mesh-policy-to-peer-authentication',
  appliesTo: (r) =>
    (r.apiVersion === 'authentication.istio.io/v1alpha1' && r.kind === 'MeshPolicy') ||
    ((r.group ?? '').endsWith('maistra.io') && r.kind === 'ServiceMeshPolicy'),
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource } = input;
    const header = resource.namespace
      ? []
      : [`${resource.kind} has no namespace; ${DEFAULT_CONTROL_PLANE_NAMESPACE} is assumed: use your control plane's namespace.`];
    // The OpenShift Service Mesh upgrade chapter moves mesh-wide mTLS into the
    // control plane; a hand-written copy would compete with the operator's.
    if (resource.kind === 'ServiceMeshPolicy') header.push(SMCP_MTLS_ADVICE);
    const documents = policyDocuments(resource, {
      name: 'default',
      namespace: resource.namespace ?? DEFAULT_CONTROL_PLANE_NAMESPACE,
      meshWide: true,
      header,
    });
    return { title: l10n.t('Convert to the mesh-wide PeerAuthentication (security.istio.io/v1beta1)'), documents };
  },
};
