import type { Rule } from '../types';
import { annotationDeprecated } from './annotation-deprecated';
import { annotationDiscoveryAddress } from './annotation-discovery-address';
import { annotationInject } from './annotation-inject';
import { annotationInvalidValue } from './annotation-invalid-value';
import { annotationMaistraProxyCpuLimit } from './annotation-maistra-proxy-cpu-limit';
import { annotationMaistraProxyMemoryLimit } from './annotation-maistra-proxy-memory-limit';
import { annotationMaistraSidecar } from './annotation-maistra-sidecar';
import { annotationStatusPort } from './annotation-status-port';
import { annotationUnknown } from './annotation-unknown';
import { annotationWrongKind } from './annotation-wrong-kind';
import { injectionLabelValue } from './injection-label-value';
import { namespaceInjectionConflict } from './namespace-injection-conflict';
import { metadataNameInvalid } from './metadata-name-invalid';
import { operatorOwnedMetadata } from './operator-owned-metadata';
import { serverPopulatedField } from './server-populated-field';

/** Annotation, label and removed-API rules for workloads and any resource's metadata. */
export const WORKLOAD_RULES: readonly Rule[] = [
  annotationMaistraProxyCpuLimit,
  annotationMaistraProxyMemoryLimit,
  annotationDiscoveryAddress,
  annotationStatusPort,
  annotationMaistraSidecar,
  annotationDeprecated,
  annotationInject,
  annotationUnknown,
  annotationWrongKind,
  annotationInvalidValue,
  operatorOwnedMetadata,
  namespaceInjectionConflict,
  injectionLabelValue,
  serverPopulatedField,
  metadataNameInvalid,
];
