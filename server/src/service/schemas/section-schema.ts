import type { ResourceIdentity } from '../core/resources';
import { smcpVersionOf } from '../core/smcp-version-of';
import type { CatalogEntry, SchemaCatalog } from './catalog';

/** The schema completion and hover use for a resource, and the SMCP version it is projected for. */
export interface SectionSchema {
  readonly entry: CatalogEntry;
  /** For a maistra.io/v2 ServiceMeshControlPlane: its `spec.version`, so fields outside that version are marked. */
  readonly smcpVersion: string | undefined;
}

export function isSmcpV2(resource: Pick<ResourceIdentity, 'kind' | 'apiVersion'>): boolean {
  return resource.kind === 'ServiceMeshControlPlane' && resource.apiVersion === 'maistra.io/v2';
}

export function sectionSchema(resource: ResourceIdentity | undefined, catalog: SchemaCatalog): SectionSchema | undefined {
  const entry = catalog.lookup(resource?.apiVersion, resource?.kind);
  if (!entry || !resource) return undefined;
  return { entry, smcpVersion: isSmcpV2(resource) ? smcpVersionOf(resource)?.name : undefined };
}
