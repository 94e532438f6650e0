import { isMap, isScalar, isSeq, Scalar, YAMLMap } from 'yaml';
import { asMap, asSeq, entries, findPair, getNode, scalarText } from '../../../core/ast';
import type { EnvoyFilterKind } from './envoy-filter-names.generated';

/**
 * Walks an EnvoyFilter's `configPatches` and finds the places Envoy filters
 * are named or configured, with the kind of filter (HTTP, network, listener)
 * each place can hold. The kind decides names such as `envoy.ext_authz`,
 * which exist as both an HTTP and a network filter.
 */

export interface ConfigPatch {
  readonly applyTo: string | undefined;
  readonly match: YAMLMap | undefined;
  readonly value: YAMLMap | undefined;
}

export function* configPatches(root: unknown): Generator<ConfigPatch> {
  for (const item of asSeq(getNode(root, ['spec', 'configPatches']))?.items ?? []) {
    const patch = asMap(item);
    if (!patch) continue;
    yield {
      applyTo: scalarText(getNode(patch, ['applyTo'])),
      match: asMap(getNode(patch, ['match'])),
      value: asMap(getNode(patch, ['patch', 'value'])),
    };
  }
}

const APPLY_TO_KIND: Record<string, EnvoyFilterKind> = {
  HTTP_FILTER: 'http',
  NETWORK_FILTER: 'network',
  LISTENER_FILTER: 'listener',
};

/** Lists whose entries are filters of a known kind, by the key that holds them. */
const FILTER_LISTS: Record<string, EnvoyFilterKind> = {
  http_filters: 'http',
  filters: 'network',
  listener_filters: 'listener',
};

/** A mapping that describes one filter: `{name, typed_config}` or the legacy `{name, config}`. */
export interface FilterObject {
  readonly map: YAMLMap;
  readonly kind: EnvoyFilterKind;
}

/** Where a filter name is written. */
export interface FilterNameSite {
  readonly node: Scalar;
  readonly name: string;
  readonly kind: EnvoyFilterKind;
}

/** The patch value itself (for *_FILTER patches) and every filter listed inside it. */
export function* filterObjects(patch: ConfigPatch): Generator<FilterObject> {
  if (!patch.value) return;
  const ownKind = patch.applyTo ? APPLY_TO_KIND[patch.applyTo] : undefined;
  if (ownKind) yield { map: patch.value, kind: ownKind };
  yield* nestedFilters(patch.value);
}

function* nestedFilters(node: unknown): Generator<FilterObject> {
  if (isSeq(node)) {
    for (const item of node.items) yield* nestedFilters(item);
    return;
  }
  if (!isMap(node)) return;
  for (const [key, pair] of entries(node)) {
    const listKind = FILTER_LISTS[key];
    const list = listKind ? asSeq(pair.value) : undefined;
    if (listKind && list) {
      for (const item of list.items) {
        const map = asMap(item);
        if (map) yield { map, kind: listKind };
      }
    }
    yield* nestedFilters(pair.value);
  }
}

/** Every filter name: in `match` (filter and subFilter) and in patch values. */
export function* filterNames(root: unknown): Generator<FilterNameSite> {
  for (const patch of configPatches(root)) {
    const filter = getNode(patch.match, ['listener', 'filterChain', 'filter']);
    const filterName = findPair(asMap(filter), 'name')?.value;
    if (isScalar(filterName) && typeof filterName.value === 'string') {
      yield { node: filterName, name: filterName.value, kind: 'network' };
    }
    const subFilterName = findPair(asMap(getNode(filter, ['subFilter'])), 'name')?.value;
    if (isScalar(subFilterName) && typeof subFilterName.value === 'string') {
      yield { node: subFilterName, name: subFilterName.value, kind: 'http' };
    }
    for (const object of filterObjects(patch)) {
      const name = findPair(object.map, 'name')?.value;
      if (isScalar(name) && typeof name.value === 'string') yield { node: name, name: name.value, kind: object.kind };
    }
  }
}

/** Every string scalar (values, not keys) under a node. */
export function* stringValues(node: unknown): Generator<Scalar> {
  if (isScalar(node)) {
    if (typeof node.value === 'string') yield node;
  } else if (isSeq(node)) {
    for (const item of node.items) yield* stringValues(item);
  } else if (isMap(node)) {
    for (const [, pair] of entries(node)) yield* stringValues(pair.value);
  }
}
