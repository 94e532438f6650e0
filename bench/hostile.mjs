// Generators of hostile files: each stays under the default size limit
// (4096 KB) yet is shaped to make a naive analysis cost far more than its
// size. The bench's hostile stage compares each with a plain file of the same
// size (`plainOfSize`); the unit tests use smaller instances of the same shapes.

const SMCP_HEAD = 'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.0\n';

/** One control plane with `count` anchored values, each used by an alias right after it. */
export function anchorsWithAliases(count) {
  const lines = [SMCP_HEAD, '  techPreview:\n'];
  for (let i = 0; i < count; i++) lines.push(`    a${i}: &a${i} v${i}\n    b${i}: *a${i}\n`);
  lines.push('  policy:\n    type: Mixer\n');
  return lines.join('');
}

/** One control plane where `count` aliases all point at one anchored mapping. */
export function manyAliasesOfOneAnchor(count) {
  const lines = [SMCP_HEAD, '  techPreview:\n    shared: &s {x: 1, y: [a, b]}\n    list:\n'];
  for (let i = 0; i < count; i++) lines.push('    - *s\n');
  lines.push('  policy:\n    type: Mixer\n');
  return lines.join('');
}

/** `count` one-line control plane documents, each with a finding. */
export function oneLineControlPlanes(count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    lines.push(`---\n{apiVersion: maistra.io/v2, kind: ServiceMeshControlPlane, metadata: {name: cp${i}, namespace: ns${i}}, spec: {version: v2.0}}\n`);
  }
  return lines.join('');
}

/** `count` ordinary control planes, for the upgrade plan. */
export function controlPlanes(count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    lines.push(`---\napiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: cp${i}\n  namespace: ns${i}\nspec:\n  version: v2.0\n  policy:\n    type: Mixer\n`);
  }
  return lines.join('');
}

/** A plain multi-document file of about `bytes` characters: the yardstick. */
export function plainOfSize(bytes) {
  const doc = (i) =>
    `---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: reviews-${i}\nspec:\n  hosts:\n  - reviews\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v${i % 3}\n`;
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const d = doc(i);
    parts.push(d);
    length += d.length;
  }
  return parts.join('');
}

/** The hostile shapes the bench measures, at the sizes the issue reported. */
export const HOSTILE_SHAPES = [
  { name: '32k anchors with aliases', text: () => anchorsWithAliases(32000) },
  { name: '100k aliases of one anchor', text: () => manyAliasesOfOneAnchor(100000) },
  { name: '30,000 one-line control planes', text: () => oneLineControlPlanes(30000) },
];
