// Which upstream CRD each schema comes from. Paths are relative to the
// shared reference folder (../shared/reference by default).
const ISTIO = 'istio-api/customresourcedefinitions.gen.yaml';
const MAISTRA_26 = 'maistra/crds-smcp-v2.6';
const MAISTRA_API = 'maistra/maistra-api-2.6/manifests';

/** [crd file, CRD metadata.name, kind, served versions we generate]. */
export const SOURCES = [
  [`${MAISTRA_26}/servicemeshcontrolplanes.crd.yaml`, 'servicemeshcontrolplanes.maistra.io', 'ServiceMeshControlPlane', ['v1', 'v2']],
  [`${MAISTRA_26}/servicemeshmemberrolls.crd.yaml`, 'servicemeshmemberrolls.maistra.io', 'ServiceMeshMemberRoll', ['v1']],
  [`${MAISTRA_26}/servicemeshmembers.crd.yaml`, 'servicemeshmembers.maistra.io', 'ServiceMeshMember', ['v1']],
  [`${MAISTRA_API}/maistra.io_servicemeshextensions.yaml`, 'servicemeshextensions.maistra.io', 'ServiceMeshExtension', ['v1', 'v1alpha1']],
  [`${MAISTRA_API}/federation.maistra.io_servicemeshpeers.yaml`, 'servicemeshpeers.federation.maistra.io', 'ServiceMeshPeer', ['v1']],
  [`${MAISTRA_API}/federation.maistra.io_exportedservicesets.yaml`, 'exportedservicesets.federation.maistra.io', 'ExportedServiceSet', ['v1']],
  [`${MAISTRA_API}/federation.maistra.io_importedservicesets.yaml`, 'importedservicesets.federation.maistra.io', 'ImportedServiceSet', ['v1']],
  [`${MAISTRA_26}/wasmplugins.extensions.istio.io.crd.yaml`, 'wasmplugins.extensions.istio.io', 'WasmPlugin', ['v1alpha1']],
  [ISTIO, 'virtualservices.networking.istio.io', 'VirtualService', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'destinationrules.networking.istio.io', 'DestinationRule', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'gateways.networking.istio.io', 'Gateway', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'serviceentries.networking.istio.io', 'ServiceEntry', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'sidecars.networking.istio.io', 'Sidecar', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'envoyfilters.networking.istio.io', 'EnvoyFilter', ['v1alpha3']],
  [ISTIO, 'workloadentries.networking.istio.io', 'WorkloadEntry', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'workloadgroups.networking.istio.io', 'WorkloadGroup', ['v1alpha3', 'v1beta1', 'v1']],
  [ISTIO, 'proxyconfigs.networking.istio.io', 'ProxyConfig', ['v1beta1']],
  [ISTIO, 'authorizationpolicies.security.istio.io', 'AuthorizationPolicy', ['v1beta1', 'v1']],
  [ISTIO, 'peerauthentications.security.istio.io', 'PeerAuthentication', ['v1beta1', 'v1']],
  [ISTIO, 'requestauthentications.security.istio.io', 'RequestAuthentication', ['v1beta1', 'v1']],
  [ISTIO, 'telemetries.telemetry.istio.io', 'Telemetry', ['v1alpha1', 'v1']],
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
