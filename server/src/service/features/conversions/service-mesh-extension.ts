import { parse } from 'yaml';
import { emitYaml, GeneratedComment } from './emit';
import { carriedMetadata, isPlainObject, listAt, mapAt, plainAt, textAt } from './resource-values';
import type { Conversion, ConversionInput, ConversionResult } from './types';
import * as l10n from '@vscode/l10n';

/**
 * ServiceMeshExtension (removed in 2.3) → WasmPlugin. The phases differ: an
 * SME named a point before or after each Istio filter, a WasmPlugin names the
 * filter it runs before, so each SME phase maps to the next WasmPlugin phase
 * at or after it.
 */
const PHASES: Record<string, string | null> = {
  PreAuthN: 'AUTHN',
  PostAuthN: 'AUTHZ',
  PreAuthZ: 'AUTHZ',
  PostAuthZ: 'STATS',
  PreStats: 'STATS',
  PostStats: null,
};

const WASM_PULL_POLICIES = new Set(['IfNotPresent', 'Always']);

export const serviceMeshExtensionToWasmPlugin: Conversion = {
  id: 'service-mesh-extension-to-wasm-plugin',
  appliesTo: (r) => r.kind === 'ServiceMeshExtension' && (r.group ?? '').endsWith('maistra.io'),
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource } = input;
    const header: string[] = [];
    const comments: GeneratedComment[] = [];
    const spec: Record<string, unknown> = {};

    const labels = mapAt(resource, ['spec', 'workloadSelector', 'labels']);
    if (labels) spec.selector = { matchLabels: labels };

    const image = textAt(resource, ['spec', 'image']);
    if (image !== undefined) spec.url = /^[a-z][a-z0-9+.-]*:\/\//i.test(image) ? image : `oci://${image}`;

    const pullPolicy = textAt(resource, ['spec', 'imagePullPolicy']);
    if (pullPolicy !== undefined) {
      if (WASM_PULL_POLICIES.has(pullPolicy)) spec.imagePullPolicy = pullPolicy;
      else header.push(`imagePullPolicy ${pullPolicy} has no WasmPlugin equivalent (IfNotPresent or Always); it was left out.`);
    }

    const secrets = listAt(resource, ['spec', 'imagePullSecrets'])
      .map((s) => (isPlainObject(s) && typeof s.name === 'string' ? s.name : undefined))
      .filter((s): s is string => s !== undefined);
    if (secrets.length > 0) {
      spec.imagePullSecret = secrets[0];
      if (secrets.length > 1) {
        comments.push({ path: ['spec', 'imagePullSecret'], before: `WasmPlugin takes one pull secret; not carried over: ${secrets.slice(1).join(', ')}` });
      }
    }

    const phase = textAt(resource, ['spec', 'phase']);
    if (phase === undefined) {
      header.push('The ServiceMeshExtension had no phase, so it used the one in its image manifest; set spec.phase to match.');
    } else if (phase in PHASES) {
      const mapped = PHASES[phase];
      if (mapped) spec.phase = mapped;
      else header.push(`phase ${phase} ran after the stats filters; a WasmPlugin without a phase runs at the end of the filter chain, just before the router.`);
    } else {
      header.push(`phase ${phase} is not a ServiceMeshExtension phase; set spec.phase (AUTHN, AUTHZ or STATS) by hand.`);
    }

    const priority = plainAt(resource, ['spec', 'priority']);
    if (priority !== undefined && priority !== null) spec.priority = priority;

    const config = plainAt(resource, ['spec', 'config']);
    if (typeof config === 'string') {
      const structured = parseStructured(config);
      if (structured) spec.pluginConfig = structured;
      else {
        header.push(
          'NOTE: the ServiceMeshExtension config was a string that is neither JSON nor YAML.',
          'WasmPlugin passes pluginConfig to the plugin as JSON: write it as spec.pluginConfig. It was:',
          ...config.split(/\r?\n/).map((line) => `  ${line}`),
        );
      }
    } else if (config !== undefined && config !== null) {
      spec.pluginConfig = config;
    }

    const document = emitYaml(
      { apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: carriedMetadata(resource), spec },
      comments,
      header,
    );
    return { title: l10n.t('Convert to a WasmPlugin (extensions.istio.io/v1alpha1)'), documents: [document] };
  },
};

/** A config string that parses as a JSON or YAML mapping, else undefined. */
function parseStructured(text: string): Record<string, unknown> | undefined {
  for (const attempt of [() => JSON.parse(text) as unknown, () => parse(text) as unknown]) {
    try {
      const value = attempt();
      if (isPlainObject(value)) return value;
    } catch {
      // Not this format; try the next.
    }
  }
  return undefined;
}
