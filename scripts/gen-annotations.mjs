// Generates the Istio annotation and label registry the workload rules use,
// server/src/service/rules/workload/support/data/istio-annotations.json, from the
// istio/api lists in the shared reference folder:
//   istio-api/annotations.yaml, labels.yaml   names and the kinds they act on
//   istio-api/annotation-history.tsv          first/last Istio release, deprecations
//   maistra/annotations-used-by-injector-per-smcp-version.txt
//                                             keys the OSSM injector reads (incl. Maistra-only ones)
// Value types, replacements and notes are ours (ANNOTATION_FACTS below); no
// upstream description text is copied. Output is committed; `--check` compares.
//
//   node scripts/gen-annotations.mjs [referenceDir] [--out file] [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'server', 'src', 'service', 'rules', 'workload', 'support', 'data', 'istio-annotations.json');
const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const reference = resolve(positional[0] ?? process.env.MESH_SHARED_REFERENCE ?? join(ROOT, '..', 'shared', 'reference'));
const outFile = outIndex >= 0 ? resolve(args[outIndex + 1]) : OUTPUT;

if (!existsSync(reference)) {
  console.error(`gen-annotations: the reference folder ${reference} does not exist. Pass its path as the first argument.`);
  process.exit(2);
}

/**
 * What we know about values and successors. Types:
 *   bool            y/yes/true/on/1/t and their negatives, any case
 *   uint            a non-negative integer
 *   port            an integer 0-65535
 *   duration        a Go duration (10s, 1m30s)
 *   cpu, memory     Kubernetes quantities
 *   yaml            a YAML (or JSON) mapping
 *   json            a JSON value
 *   ports           comma-separated ports
 *   ports-or-star   `*` or comma-separated ports
 *   cidrs           `*` or comma-separated CIDR ranges
 *   enum:a|b|c      one of the listed words
 */
const ANNOTATION_FACTS = {
  'sidecar.istio.io/inject': { type: 'bool', replacement: { name: 'sidecar.istio.io/inject', kind: 'label' } },
  'sidecar.istio.io/rewriteAppHTTPProbers': { type: 'bool' },
  'sidecar.istio.io/enableCoreDump': { type: 'bool' },
  'sidecar.istio.io/nativeSidecar': { type: 'bool' },
  'sidecar.istio.io/capNetBindService': { type: 'bool' },
  'prometheus.istio.io/merge-metrics': { type: 'bool' },
  'istio.io/dry-run': { type: 'bool' },
  'sidecar.istio.io/proxyCPU': { type: 'cpu' },
  'sidecar.istio.io/proxyCPULimit': { type: 'cpu' },
  'sidecar.istio.io/proxyMemory': { type: 'memory' },
  'sidecar.istio.io/proxyMemoryLimit': { type: 'memory' },
  'sidecar.istio.io/interceptionMode': { type: 'enum:REDIRECT|TPROXY|NONE' },
  'sidecar.istio.io/logLevel': { type: 'enum:trace|debug|info|warning|error|critical|off' },
  'sidecar.istio.io/userVolume': { type: 'json' },
  'sidecar.istio.io/userVolumeMount': { type: 'json' },
  'sidecar.istio.io/statsHistogramBuckets': { type: 'json' },
  'sidecar.istio.io/statsFlushInterval': { type: 'duration' },
  'sidecar.istio.io/statsEvictionInterval': { type: 'duration' },
  'sidecar.istio.io/statsHistogramBins': { type: 'uint' },
  'proxy.istio.io/config': { type: 'yaml' },
  'proxy.istio.io/overrides': { type: 'json' },
  'status.sidecar.istio.io/port': { type: 'port' },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': { type: 'uint' },
  'readiness.status.sidecar.istio.io/periodSeconds': { type: 'uint' },
  'readiness.status.sidecar.istio.io/failureThreshold': { type: 'uint' },
  'readiness.status.sidecar.istio.io/applicationPorts': { type: 'ports' },
  'traffic.sidecar.istio.io/includeInboundPorts': { type: 'ports-or-star' },
  'traffic.sidecar.istio.io/excludeInboundPorts': { type: 'ports' },
  'traffic.sidecar.istio.io/includeOutboundPorts': { type: 'ports' },
  'traffic.sidecar.istio.io/excludeOutboundPorts': { type: 'ports' },
  'traffic.sidecar.istio.io/includeOutboundIPRanges': { type: 'cidrs' },
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': { type: 'cidrs' },
  'sidecar.istio.io/statsInclusionPrefixes': {
    replacement: { name: 'proxyStatsMatcher.inclusionPrefixes', kind: 'proxy-config' },
    note: 'Set proxyStatsMatcher in the proxy.istio.io/config annotation instead.',
  },
  'sidecar.istio.io/statsInclusionSuffixes': {
    replacement: { name: 'proxyStatsMatcher.inclusionSuffixes', kind: 'proxy-config' },
    note: 'Set proxyStatsMatcher in the proxy.istio.io/config annotation instead.',
  },
  'sidecar.istio.io/statsInclusionRegexps': {
    replacement: { name: 'proxyStatsMatcher.inclusionRegexps', kind: 'proxy-config' },
    note: 'Set proxyStatsMatcher in the proxy.istio.io/config annotation instead.',
  },
  'sidecar.istio.io/extraStatTags': { note: 'Add metric tags with the Telemetry API (tagOverrides) instead.' },
  'sidecar.istio.io/controlPlaneAuthPolicy': { note: 'Traffic to istiod is always mutual TLS now; there is nothing to set.' },
  'sidecar.istio.io/discoveryAddress': { note: 'Sidecars find istiod on their own; the address cannot be overridden.' },
  'security.istio.io/tlsMode': { replacement: { name: 'security.istio.io/tlsMode', kind: 'label' } },
  'traffic.sidecar.istio.io/kubevirtInterfaces': { replacement: { name: 'istio.io/reroute-virtual-interfaces', kind: 'annotation' } },
  'alpha.istio.io/kubernetes-serviceaccounts': { note: 'Unused by current Istio; delete it.' },
  'alpha.istio.io/canonical-serviceaccounts': { note: 'Unused by current Istio; delete it.' },
  'alpha.istio.io/identity': { note: 'Unused by current Istio; delete it.' },
  'sidecar.istio.io/statsCompression': { note: 'Deprecated upstream with no successor.' },
};

/** Resources for names the history knows but HEAD's lists no longer describe. */
const HISTORIC_RESOURCES = {
  'policy.istio.io/': ['Pod'],
  'sidecar.istio.io/': ['Pod'],
  'alpha.istio.io/identity': ['Pod'],
  'security.istio.io/tlsMode': ['Pod'],
};

const release = (text) => (text && text.startsWith('release-') ? text.slice('release-'.length) : undefined);

function readHistory() {
  const [header, ...rows] = readFileSync(join(reference, 'istio-api', 'annotation-history.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

function readList(file, key) {
  const document = parse(readFileSync(join(reference, 'istio-api', file), 'utf8'));
  return new Map((document?.[key] ?? []).map((entry) => [entry.name, entry]));
}

/** SMCP versions whose injector templates read each key: name -> [first, last]. */
function readInjector() {
  const text = readFileSync(join(reference, 'maistra', 'annotations-used-by-injector-per-smcp-version.txt'), 'utf8');
  const seen = new Map();
  for (const line of text.split('\n')) {
    const match = /^(v\d+\.\d+):\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    for (const name of match[2].split(/\s+/).filter(Boolean)) {
      const range = seen.get(name);
      if (range) range[1] = match[1];
      else seen.set(name, [match[1], match[1]]);
    }
  }
  return seen;
}

function historicResources(name) {
  for (const [prefix, resources] of Object.entries(HISTORIC_RESOURCES)) {
    if (prefix.endsWith('/') ? name.startsWith(prefix) : name === prefix) return resources;
  }
  return undefined;
}

function compact(entry) {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== false));
}

function generate() {
  const history = readHistory();
  const annotations = readList('annotations.yaml', 'annotations');
  const labels = readList('labels.yaml', 'labels');
  const injector = readInjector();
  const problems = [];

  const annotationEntries = new Map();
  const labelEntries = new Map();
  for (const row of history) {
    const current = row.kind === 'annotation' ? annotations.get(row.name) : labels.get(row.name);
    const base = {
      name: row.name,
      resources: current?.resources ?? (row.kind === 'annotation' ? historicResources(row.name) : undefined),
      since: release(row.first_seen),
      until: row.last_seen === 'HEAD' ? undefined : release(row.last_seen),
      deprecated: release(row.deprecated_since),
    };
    if (row.kind === 'annotation') annotationEntries.set(row.name, base);
    else if (row.kind === 'label') labelEntries.set(row.name, base);
  }
  // HEAD entries missing from the history file still count.
  for (const [name, entry] of annotations) {
    if (!annotationEntries.has(name)) annotationEntries.set(name, { name, resources: entry.resources, deprecated: entry.deprecated ? 'HEAD' : undefined });
  }
  for (const [name, entry] of labels) {
    if (!labelEntries.has(name)) labelEntries.set(name, { name, resources: entry.resources, deprecated: entry.deprecated ? 'HEAD' : undefined });
  }
  // Keys the OSSM charts read: they count as known for those SMCP versions even
  // when istio/api lists them only later or never (Maistra additions, read on pods).
  const maistra = {};
  for (const [name, [first, last]] of injector) {
    if (name.startsWith('sidecar.maistra.io/')) {
      maistra[name] = { firstSmcp: first, lastSmcp: last };
    } else if (annotationEntries.has(name)) {
      Object.assign(annotationEntries.get(name), { firstSmcp: first, lastSmcp: last });
    } else {
      annotationEntries.set(name, { name, resources: ['Pod'], maistraOnly: true, firstSmcp: first, lastSmcp: last });
    }
  }
  for (const [name, facts] of Object.entries(ANNOTATION_FACTS)) {
    const entry = annotationEntries.get(name);
    if (!entry) {
      problems.push(`ANNOTATION_FACTS names ${name}, which no source lists`);
      continue;
    }
    Object.assign(entry, facts);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const byName = (a, b) => a.name.localeCompare(b.name);
  const source = readFileSync(join(reference, 'istio-api', 'SOURCE.txt'), 'utf8').trim();
  const data = {
    generatedBy: 'scripts/gen-annotations.mjs',
    source,
    annotations: [...annotationEntries.values()].sort(byName).map(compact),
    labels: [...labelEntries.values()].sort(byName).map(compact),
    maistraSidecarAnnotations: maistra,
  };
  // One entry per line: small diffs, still compact.
  const lines = [
    '{',
    `  "generatedBy": ${JSON.stringify(data.generatedBy)},`,
    `  "source": ${JSON.stringify(data.source)},`,
    '  "annotations": [',
    data.annotations.map((a) => `    ${JSON.stringify(a)}`).join(',\n'),
    '  ],',
    '  "labels": [',
    data.labels.map((l) => `    ${JSON.stringify(l)}`).join(',\n'),
    '  ],',
    `  "maistraSidecarAnnotations": ${JSON.stringify(data.maistraSidecarAnnotations)}`,
    '}',
    '',
  ];
  return lines.join('\n');
}

const output = generate();
if (check) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== output) {
    console.error(`${outFile} is stale: run node scripts/gen-annotations.mjs and commit it.`);
    process.exit(1);
  }
  console.log(`${outFile} is current.`);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, output);
  console.log(`wrote ${outFile}`);
}
