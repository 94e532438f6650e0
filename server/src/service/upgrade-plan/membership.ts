import { asSeq, getNode, scalarText } from '../core/ast';
import type { ResourceIdentity } from '../core/resources';

/**
 * Which control plane each namespace belongs to, as far as the files say:
 * ServiceMeshMemberRolls list member namespaces in the control plane's
 * namespace, ServiceMeshMembers name their control plane, and a control plane
 * in ClusterWide mode (or with `*` as a member) takes every namespace. With
 * several control planes in one plan, a resource is listed under the ones
 * that own its namespace; where nothing says, under every one.
 */
export class MeshMembership {
  private readonly owners = new Map<string, Set<string>>();
  private readonly clusterWide = new Set<string>();
  private members: Map<string, string[]> | undefined;

  /** Reads one resource; anything that is not about membership is ignored. */
  add(resource: ResourceIdentity | undefined): void {
    if (!resource || resource.group !== 'maistra.io') return;
    const root = resource.root;
    switch (resource.kind) {
      case 'ServiceMeshControlPlane':
        if (resource.namespace) this.claim(resource.namespace, resource.namespace);
        if (resource.namespace && scalarText(getNode(root, ['spec', 'mode'])) === 'ClusterWide') this.clusterWide.add(resource.namespace);
        break;
      case 'ServiceMeshMemberRoll': {
        if (!resource.namespace) return;
        for (const item of asSeq(getNode(root, ['spec', 'members']))?.items ?? []) {
          const member = scalarText(item);
          if (member === '*') this.clusterWide.add(resource.namespace);
          else if (member) this.claim(member, resource.namespace);
        }
        break;
      }
      case 'ServiceMeshMember': {
        const controlPlane = scalarText(getNode(root, ['spec', 'controlPlaneRef', 'namespace']));
        if (resource.namespace && controlPlane) this.claim(resource.namespace, controlPlane);
        break;
      }
    }
  }

  /** Whether a resource in `namespace` belongs to the control plane in `controlPlaneNamespace`. */
  belongsTo(namespace: string | undefined, controlPlaneNamespace: string | null): boolean {
    if (!namespace || !controlPlaneNamespace) return true;
    const explicit = this.owners.get(namespace);
    if (explicit) return explicit.has(controlPlaneNamespace);
    // Unclaimed namespaces go to cluster-wide planes when there are any, else to every plane.
    return this.clusterWide.size === 0 || this.clusterWide.has(controlPlaneNamespace);
  }

  /** Namespaces the files make members of a control plane (not counting its own), sorted. */
  membersOf(controlPlaneNamespace: string | null): string[] {
    if (!controlPlaneNamespace) return [];
    // Inverted once, on the first question after the last change: a plan asks once per control plane.
    if (!this.members) {
      this.members = new Map();
      for (const [namespace, owners] of this.owners) {
        for (const owner of owners) {
          if (owner === namespace) continue;
          const list = this.members.get(owner);
          if (list) list.push(namespace);
          else this.members.set(owner, [namespace]);
        }
      }
    }
    return [...(this.members.get(controlPlaneNamespace) ?? [])].sort();
  }

  private claim(namespace: string, controlPlaneNamespace: string): void {
    this.members = undefined;
    let owners = this.owners.get(namespace);
    if (!owners) this.owners.set(namespace, (owners = new Set()));
    owners.add(controlPlaneNamespace);
  }
}
