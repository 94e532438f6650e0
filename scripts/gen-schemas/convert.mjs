// Turns a CRD's openAPIV3Schema into a plain draft-07 JSON Schema that ajv
// and yaml-language-server read the way the API server behaves.

// Upstream prose never reaches our schemas (we write our own), nor OpenAPI-only keys.
const DROP = new Set(['description', 'nullable', 'example', 'externalDocs']);
// Formats JSON Schema draft-07 defines; OpenAPI ones (int32, int64, byte, double, …) are dropped.
const DRAFT7_FORMATS = new Set([
  'date-time', 'date', 'time', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6',
  'uri', 'uri-reference', 'iri', 'iri-reference', 'uri-template', 'json-pointer', 'relative-json-pointer', 'regex',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_SINGLES = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf']);

export function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROP.has(key) || key.startsWith('x-kubernetes-')) continue;
    if (key === 'format' && !DRAFT7_FORMATS.has(value)) continue;
    if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    } else if (SCHEMA_SINGLES.has(key) && typeof value === 'object') {
      out[key] = convert(value);
    } else if (SCHEMA_LISTS.has(key)) {
      out[key] = value.map(convert);
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    // Istio CRDs already spell the alternatives out; Maistra's do not.
    out.anyOf ??= [{ type: 'integer' }, { type: 'string' }];
  }
  // The API server prunes fields a structural schema does not list, unless told to keep them.
  if (out.properties && node['x-kubernetes-preserve-unknown-fields'] !== true && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (node.nullable === true) allowNull(out);
  return out;
}

/** `nullable: true` means an explicit null is accepted as well. */
function allowNull(schema) {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.anyOf)) schema.anyOf = [...schema.anyOf, { type: 'null' }];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

/** Wraps a CRD version's schema into a schema for the whole resource. */
export function resourceSchema(group, version, kind, openApi) {
  const converted = convert(openApi);
  const properties = converted.properties ?? {};
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
      spec: properties.spec ?? { type: 'object' },
      // The API server owns status; users may paste it from `oc get -o yaml`.
      status: {},
    },
    additionalProperties: false,
  };
}
