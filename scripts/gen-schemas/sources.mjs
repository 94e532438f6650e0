// Which upstream CRD each schema comes from. Paths are relative to the shared
// reference folder (../shared/reference by default).

/** Maistra's own kinds: [file, CRD metadata.name, kind, versions]. */
export const MAISTRA_KINDS = [
  ['maistra/crds-smcp-v2.6/servicemeshcontrolplanes.crd.yaml', 'servicemeshcontrolplanes.maistra.io', 'ServiceMeshControlPlane', ['v1', 'v2']],
  ['maistra/crds-smcp-v2.6/servicemeshmemberrolls.crd.yaml', 'servicemeshmemberrolls.maistra.io', 'ServiceMeshMemberRoll', ['v1']],
  ['maistra/crds-smcp-v2.6/servicemeshmembers.crd.yaml', 'servicemeshmembers.maistra.io', 'ServiceMeshMember', ['v1']],
  // Not shipped with SMCP v2.3+, so only maistra/api still has it (v1alpha1 `config` is a string, v1 an object).
  ['maistra/maistra-api-2.6/manifests/maistra.io_servicemeshextensions.yaml', 'servicemeshextensions.maistra.io', 'ServiceMeshExtension', ['v1alpha1', 'v1']],
  ['maistra/maistra-api-2.6/manifests/federation.maistra.io_servicemeshpeers.yaml', 'servicemeshpeers.federation.maistra.io', 'ServiceMeshPeer', ['v1']],
  ['maistra/maistra-api-2.6/manifests/federation.maistra.io_exportedservicesets.yaml', 'exportedservicesets.federation.maistra.io', 'ExportedServiceSet', ['v1']],
  ['maistra/maistra-api-2.6/manifests/federation.maistra.io_importedservicesets.yaml', 'importedservicesets.federation.maistra.io', 'ImportedServiceSet', ['v1']],
];

/** Istio kinds: [CRD metadata.name, kind]. Every served version of the CRD gets a schema. */
export const ISTIO_KINDS = [
  ['virtualservices.networking.istio.io', 'VirtualService'],
  ['destinationrules.networking.istio.io', 'DestinationRule'],
  ['gateways.networking.istio.io', 'Gateway'],
  ['serviceentries.networking.istio.io', 'ServiceEntry'],
  ['sidecars.networking.istio.io', 'Sidecar'],
  ['envoyfilters.networking.istio.io', 'EnvoyFilter'],
  ['workloadentries.networking.istio.io', 'WorkloadEntry'],
  ['workloadgroups.networking.istio.io', 'WorkloadGroup'],
  ['proxyconfigs.networking.istio.io', 'ProxyConfig'],
  ['authorizationpolicies.security.istio.io', 'AuthorizationPolicy'],
  ['peerauthentications.security.istio.io', 'PeerAuthentication'],
  ['requestauthentications.security.istio.io', 'RequestAuthentication'],
  ['telemetries.telemetry.istio.io', 'Telemetry'],
  ['wasmplugins.extensions.istio.io', 'WasmPlugin'],
];

/**
 * Where Istio CRDs are looked up, best first. A version served by a CRD that
 * OpenShift Service Mesh 2.6 ships is taken from there (it is what the cluster
 * enforces); versions it does not serve (networking.istio.io/v1, …) come from
 * istio/api HEAD. Every YAML file directly in a folder is read.
 */
export const ISTIO_SOURCES = [
  { dir: 'maistra/crds-istio-per-smcp-version', label: 'OSSM 2.6' },
  { dir: 'maistra/crds-smcp-v2.6', label: 'OSSM 2.6' },
  { file: 'istio-api/customresourcedefinitions.gen.yaml', label: 'istio/api HEAD' },
];

/** Kinds we recognise (rules flag them) but do not validate against a schema. */
export const LEGACY = [
  { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy' },
  { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy' },
  { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'RbacConfig' },
  { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'ClusterRbacConfig' },
  { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'ServiceRole' },
  { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'ServiceRoleBinding' },
  { apiVersion: 'config.istio.io/*', kind: '*' },
  { apiVersion: 'authentication.maistra.io/v1', kind: 'ServiceMeshPolicy' },
  { apiVersion: 'rbac.maistra.io/v1', kind: 'ServiceMeshRbacConfig' },
];
