import { emitYaml, GeneratedComment } from './emit';
import { carriedMetadata, isPlainObject, listAt, mapAt, plainAt, textAt } from './resource-values';
import {
  COMPONENT_RUNTIME_KEYS,
  GATEWAY_KEYS,
  GATEWAY_PLACES,
  HELM_VALUE_MAPPINGS,
  RUNTIME_COMPONENTS,
  V2_SECTION_ORDER,
  ValueMapping,
} from './smcp-v1-mapping';
import type { Conversion, ConversionInput, ConversionResult } from './types';
import * as l10n from '@vscode/l10n';

/**
 * `maistra.io/v1` ServiceMeshControlPlane (Helm values under `spec.istio`)
 * → `maistra.io/v2` fields. Values without a v2 field are kept under
 * `spec.techPreview`, which the operator merges into the same Helm values,
 * with a comment saying they were not converted.
 */
export const smcpV1ToV2Conversion: Conversion = {
  id: 'smcp-v1-to-v2',
  appliesTo: (r) => r.apiVersion === 'maistra.io/v1' && r.kind === 'ServiceMeshControlPlane',
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource } = input;
    const spec: Record<string, unknown> = {};
    const unconverted: Record<string, unknown> = {};
    const header: string[] = [];

    const version = textAt(resource, ['spec', 'version']);
    if (version !== undefined) spec.version = version;
    else header.push('spec.version was not set: a maistra.io/v2 SMCP without it runs the operator\'s newest version. Set the version you run.');
    const template = textAt(resource, ['spec', 'template']);
    const profiles = listAt(resource, ['spec', 'profiles']);
    if (profiles.length > 0) spec.profiles = profiles;
    else if (template !== undefined) spec.profiles = [template];
    if (textAt(resource, ['spec', 'networkType']) !== undefined) header.push('spec.networkType was left out: the operator no longer reads it.');

    const istio = mapAt(resource, ['spec', 'istio']);
    if (istio) walk(istio, [], spec, unconverted);
    // Telemetry v2 runs in istiod whatever the Mixer telemetry switch says.
    if (isPlainObject(istio?.telemetry) && isPlainObject(istio.telemetry.v2) && istio.telemetry.v2.enabled === true) setIn(spec, ['telemetry', 'type'], 'Istiod');
    const threeScale = plainAt(resource, ['spec', 'threeScale']);
    if (threeScale !== undefined && threeScale !== null) unconverted.threeScale = threeScale;

    const comments: GeneratedComment[] = [];
    if (Object.keys(unconverted).length > 0) {
      spec.techPreview = unconverted;
      comments.push({
        path: ['spec', 'techPreview'],
        before: [
          'Not converted: these spec.istio values have no maistra.io/v2 field. The operator still',
          'passes techPreview to its Helm charts; check each one and move or remove it.',
        ],
      });
    }
    const ordered = Object.fromEntries(
      Object.entries(spec).sort(([a], [b]) => V2_SECTION_ORDER.indexOf(a) - V2_SECTION_ORDER.indexOf(b)),
    );
    const document = emitYaml(
      { apiVersion: 'maistra.io/v2', kind: 'ServiceMeshControlPlane', metadata: carriedMetadata(resource), spec: ordered },
      comments,
      header,
    );
    return { title: l10n.t('Convert to maistra.io/v2 (ServiceMeshControlPlane fields instead of Helm values)'), documents: [document] };
  },
};

/** The v2 place of a v1 Helm value path, if it has one. */
export function mappingFor(segments: readonly string[]): ValueMapping | undefined {
  const path = segments.join('.');
  const exact = HELM_VALUE_MAPPINGS[path];
  if (exact) return exact;
  for (const component of RUNTIME_COMPONENTS) {
    if (!path.startsWith(component + '.')) continue;
    const key = COMPONENT_RUNTIME_KEYS[path.slice(component.length + 1)];
    if (key) return { v2: ['runtime', 'components', component, ...key.v2], convert: key.convert };
  }
  const gateway = segments[0] === 'gateways' && segments.length >= 3 ? GATEWAY_PLACES[segments[1]] : undefined;
  if (gateway) {
    const rest = segments.slice(2).join('.');
    const own = GATEWAY_KEYS[rest];
    if (own) return { v2: [...gateway, ...own.v2], convert: own.convert };
    const runtime = COMPONENT_RUNTIME_KEYS[rest];
    if (runtime) return { v2: [...gateway, 'runtime', ...runtime.v2], convert: runtime.convert };
  }
  return undefined;
}

function walk(value: unknown, segments: string[], spec: Record<string, unknown>, unconverted: Record<string, unknown>): void {
  const mapping = segments.length > 0 ? mappingFor(segments) : undefined;
  if (mapping) {
    const converted = mapping.convert ? mapping.convert(value) : value;
    if (converted !== undefined) {
      setIn(spec, mapping.v2, converted);
      return;
    }
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) walk(child, [...segments, key], spec, unconverted);
    return;
  }
  setIn(unconverted, segments, value);
}

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    if (!isPlainObject(node[segment])) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
