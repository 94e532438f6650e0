// Turns a CRD's openAPIV3Schema into a plain draft-07 JSON Schema that ajv
// and yaml-language-server read the same way the API server behaves.

const DROP = new Set(['description', 'nullable', 'x-kubernetes-validations', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource']);
const KEEP_FORMATS = new Set(['date-time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);

export function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [key, value] of Object.entries(node)) {
    if (DROP.has(key) || key === 'x-kubernetes-preserve-unknown-fields') continue;
    if (key === 'x-kubernetes-int-or-string') continue;
    if (key === 'format' && !KEEP_FORMATS.has(value)) continue;
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    } else if (['items', 'additionalProperties', 'not'].includes(key) && typeof value === 'object') {
      out[key] = convert(value);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key)) {
      out[key] = value.map(convert);
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  // The API server prunes fields a structural schema does not list.
  if (out.properties && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Wraps a CRD version's spec/status into a schema for the whole resource. */
export function resourceSchema(group, version, kind, openApi) {
  const converted = convert(openApi);
  const properties = converted.properties ?? {};
  const spec = properties.spec ?? { type: 'object' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `mesh-config:${group}/${version}/${kind}`,
    title: `${kind} (${group}/${version})`,
    type: 'object',
    required: ['apiVersion', 'kind', ...(converted.required ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind')],
    properties: {
      apiVersion: { type: 'string', const: `${group}/${version}` },
      kind: { type: 'string', const: kind },
      metadata: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          namespace: { type: 'string' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          annotations: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      spec,
      status: {},
    },
    additionalProperties: false,
  };
}
