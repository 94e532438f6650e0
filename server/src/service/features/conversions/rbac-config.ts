import { emitYaml } from './emit';
import { DEFAULT_CONTROL_PLANE_NAMESPACE } from './mesh-policy';
import { carriedMetadata, listAt, textAt } from './resource-values';
import type { Conversion, ConversionInput, ConversionResult } from './types';
import * as l10n from '@vscode/l10n';

/**
 * RbacConfig / ClusterRbacConfig (rbac.istio.io/v1alpha1) and
 * ServiceMeshRbacConfig (maistra.io/v1) → allow-nothing AuthorizationPolicies:
 * a policy with an empty spec denies every request it covers unless another
 * ALLOW policy matches, which is what switching RBAC on did.
 */
export const rbacConfigConversion: Conversion = {
  id: 'rbac-config-to-authorization-policy',
  appliesTo: (r) =>
    (r.group === 'rbac.istio.io' && (r.kind === 'RbacConfig' || r.kind === 'ClusterRbacConfig')) ||
    ((r.group ?? '').endsWith('maistra.io') && r.kind === 'ServiceMeshRbacConfig'),
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource } = input;
    const mode = textAt(resource, ['spec', 'mode']) ?? 'OFF';
    const namespace = resource.namespace ?? DEFAULT_CONTROL_PLANE_NAMESPACE;
    const assumed = resource.namespace ? [] : [`No namespace was set; ${DEFAULT_CONTROL_PLANE_NAMESPACE} is assumed as the control-plane namespace.`];
    const allowNothing = (ns: string, header: string[]) =>
      emitYaml({ apiVersion: 'security.istio.io/v1beta1', kind: 'AuthorizationPolicy', metadata: carriedMetadata(resource, resource.name, ns), spec: {} }, [], header);
    const title = l10n.t('Convert to AuthorizationPolicy (security.istio.io/v1beta1)');
    switch (mode) {
      case 'OFF':
        return {
          title: l10n.t('Remove (RBAC mode OFF needs no AuthorizationPolicy)'),
          documents: [`# ${resource.kind} ${resource.name ?? ''} had mode OFF: without AuthorizationPolicies every request is allowed, so nothing replaces it.\n`],
        };
      case 'ON':
        return { title, documents: [allowNothing(namespace, [...assumed, 'RBAC ON: in the control-plane (root) namespace this denies every request in the mesh that no ALLOW policy matches.'])] };
      case 'ON_WITH_INCLUSION': {
        const namespaces = listAt(resource, ['spec', 'inclusion', 'namespaces']).filter((n): n is string => typeof n === 'string');
        const services = listAt(resource, ['spec', 'inclusion', 'services']).filter((n): n is string => typeof n === 'string');
        const documents = namespaces.map((ns, i) =>
          allowNothing(ns, i === 0 ? [`RBAC ON_WITH_INCLUSION: one allow-nothing policy per included namespace.`] : []),
        );
        if (services.length > 0) {
          documents.push(`# Included services were not converted: give each its own allow-nothing policy with a selector for its pods: ${services.join(', ')}\n`);
        }
        return documents.length > 0 ? { title, documents } : undefined;
      }
      case 'ON_WITH_EXCLUSION': {
        const excluded = [
          ...listAt(resource, ['spec', 'exclusion', 'namespaces']),
          ...listAt(resource, ['spec', 'exclusion', 'services']),
        ].filter((n): n is string => typeof n === 'string');
        return {
          title,
          documents: [
            allowNothing(namespace, [
              ...assumed,
              'RBAC ON_WITH_EXCLUSION has no AuthorizationPolicy equivalent: this denies every request in the mesh that no ALLOW policy matches.',
              `The excluded namespaces and services now need explicit ALLOW policies: ${excluded.length > 0 ? excluded.join(', ') : '(none listed)'}`,
            ]),
          ],
        };
      }
      default:
        return undefined;
    }
  },
};
