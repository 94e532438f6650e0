// Seeded generator of realistic mesh YAML for the benchmark: a mix of SMCPs,
// VirtualServices, DestinationRules, Gateways, AuthorizationPolicies,
// EnvoyFilters and Deployments with sidecar annotations, some with findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['reviews', 'ratings', 'details', 'productpage', 'cart', 'checkout', 'payments', 'catalog', 'search', 'users'];

const TEMPLATES = {
  smcp: (n, r) => `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: mesh-${n}
  namespace: istio-system-${n}
spec:
  version: ${r() < 0.3 ? 'v2.0' : 'v2.5'}
  policy:
    type: ${r() < 0.3 ? 'Mixer' : 'Istiod'}
  telemetry:
    type: Istiod
  tracing:
    type: None
    sampling: ${Math.floor(r() * 10000)}
  gateways:
    openshiftRoute:
      enabled: false
    ingress:
      runtime:
        deployment:
          replicas: 2
  security:
    dataPlane:
      mtls: true
    controlPlane:
      tls:
        cipherSuites:
          - ECDHE-RSA-AES256-GCM-SHA384
${r() < 0.3 ? '          - AES128-SHA\n' : ''}  addons:
    prometheus:
      enabled: true
    kiali:
      enabled: true
`,
  virtualService: (n, r, app) => `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: ${app}-${n}
  namespace: shop
spec:
  hosts:
    - ${app}
  http:
    - match:
        - uri:
            prefix: /api/${app}
      retries:
        attempts: 3
        perTryTimeout: 2s
      route:
        - destination:
            host: ${app}
            subset: v1
          weight: ${Math.floor(r() * 100)}
        - destination:
            host: ${app}
            subset: v2
          weight: 10
`,
  destinationRule: (n, _r, app) => `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: ${app}-${n}
  namespace: shop
spec:
  host: ${app}
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
    connectionPool:
      tcp:
        maxConnections: 100
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 30s
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
`,
  gateway: (n) => `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata:
  name: gateway-${n}
  namespace: shop
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      tls:
        mode: SIMPLE
        credentialName: shop-cert-${n}
      hosts:
        - shop-${n}.example.com
`,
  authorizationPolicy: (n, r, app) => `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata:
  name: ${app}-allow-${n}
  namespace: shop
spec:
  selector:
    matchLabels:
      app: ${app}
  action: ALLOW
  rules:
    - from:
        - source:
            principals: ["cluster.local/ns/shop/sa/frontend"]
${r() < 0.3 ? '            ipBlocks: ["10.0.0.0/8"]\n' : ''}      to:
        - operation:
            methods: ["GET", "POST"]
            paths: ["/api/${app}/*"]
`,
  envoyFilter: (n, r) => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: lua-${n}
  namespace: shop
spec:
  workloadSelector:
    labels:
      app: productpage
  configPatches:
    - applyTo: HTTP_FILTER
      match:
        context: SIDECAR_INBOUND
        listener:
          filterChain:
            filter:
              name: ${r() < 0.4 ? 'envoy.http_connection_manager' : 'envoy.filters.network.http_connection_manager'}
      patch:
        operation: INSERT_BEFORE
        value:
          name: envoy.filters.http.lua
          typed_config:
            "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
            inlineCode: |
              function envoy_on_request(handle)
                handle:headers():add("x-bench", "${n}")
              end
`,
  deployment: (n, r, app) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}-v${n}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
        version: v1
      annotations:
        sidecar.istio.io/inject: "true"
${r() < 0.3 ? '        sidecar.maistra.io/proxyCPULimit: 500m\n' : '        sidecar.istio.io/proxyCPULimit: 500m\n'}    spec:
      containers:
        - name: ${app}
          image: quay.io/example/${app}:1.${n}
          ports:
            - containerPort: 9080
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
`,
};

const MIX = ['virtualService', 'destinationRule', 'deployment', 'authorizationPolicy', 'virtualService', 'deployment', 'gateway', 'envoyFilter'];

/** About `targetLines` lines of multi-document mesh YAML, the same for the same seed. */
export function generateWorkload(targetLines, seed = 42) {
  const r = prng(seed);
  const docs = [];
  let lines = 0;
  let n = 0;
  while (lines < targetLines) {
    const kind = n % 40 === 0 ? 'smcp' : MIX[Math.floor(r() * MIX.length)];
    const text = TEMPLATES[kind](n, r, APPS[Math.floor(r() * APPS.length)]);
    docs.push(text);
    lines += text.split('\n').length;
    n++;
  }
  return docs.join('---\n');
}

/** A folder of `count` small files for the CLI's files-per-second figure. */
export function writeFileFolder(dir, count, seed = 7) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `resource-${String(i).padStart(4, '0')}.yaml`), generateWorkload(60, seed + i));
  }
}
