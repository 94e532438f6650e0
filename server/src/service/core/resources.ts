import { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, findPair, getNode, PathSegment, scalarText } from './ast';

/** Who a section is: its apiVersion, kind and name, with the nodes that hold them. */
export interface ResourceIdentity {
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** API group, '' for the core group, undefined without an apiVersion. */
  readonly group: string | undefined;
  readonly version: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly root: YAMLMap;
  readonly apiVersionPair: Pair<Scalar, unknown> | undefined;
  readonly kindPair: Pair<Scalar, unknown> | undefined;
}

export function identifyResource(doc: Document.Parsed): ResourceIdentity | undefined {
  const root = asMap(doc.contents);
  if (!root) return undefined;
  const apiVersionPair = findPair(root, 'apiVersion');
  const kindPair = findPair(root, 'kind');
  const apiVersion = scalarText(apiVersionPair?.value);
  const kind = scalarText(kindPair?.value);
  let group: string | undefined;
  let version: string | undefined;
  if (apiVersion !== undefined) {
    const slash = apiVersion.indexOf('/');
    group = slash < 0 ? '' : apiVersion.slice(0, slash);
    version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  }
  return {
    apiVersion,
    kind,
    group,
    version,
    name: scalarText(getNode(root, ['metadata', 'name'])),
    namespace: scalarText(getNode(root, ['metadata', 'namespace'])),
    root,
    apiVersionPair,
    kindPair,
  };
}

/** Kinds whose pods are described by a template, and where that template's metadata sits. */
const POD_TEMPLATE_METADATA: Record<string, readonly PathSegment[]> = {
  Deployment: ['spec', 'template', 'metadata'],
  StatefulSet: ['spec', 'template', 'metadata'],
  DaemonSet: ['spec', 'template', 'metadata'],
  ReplicaSet: ['spec', 'template', 'metadata'],
  ReplicationController: ['spec', 'template', 'metadata'],
  Job: ['spec', 'template', 'metadata'],
  DeploymentConfig: ['spec', 'template', 'metadata'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  Pod: ['metadata'],
};

export interface MetadataLocation {
  /** Path from the resource root to the metadata mapping. */
  readonly path: readonly PathSegment[];
  /** Whether this metadata describes pods (where sidecar annotations act). */
  readonly isPod: boolean;
  readonly node: YAMLMap | undefined;
}

/**
 * Every metadata block of a resource where labels and annotations matter:
 * the resource's own, and its pod template's when it has one.
 */
export function metadataLocations(resource: ResourceIdentity): MetadataLocation[] {
  const locations: MetadataLocation[] = [];
  const podPath = resource.kind ? POD_TEMPLATE_METADATA[resource.kind] : undefined;
  const own: readonly PathSegment[] = ['metadata'];
  locations.push({ path: own, isPod: resource.kind === 'Pod', node: asMap(getNode(resource.root, own)) });
  if (podPath && podPath.length > 1) {
    locations.push({ path: podPath, isPod: true, node: asMap(getNode(resource.root, podPath)) });
  }
  return locations;
}
