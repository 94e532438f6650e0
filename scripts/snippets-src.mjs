// Snippets are written here as readable YAML bodies and compiled to
// snippets/mesh.json (VS Code's snippet format) by `npm run gen:snippets`.
export const SNIPPETS = [
  {
    name: 'ServiceMeshControlPlane (minimal v2.6)',
    prefix: 'mesh-smcp',
    description: 'A minimal OpenShift Service Mesh 2.6 control plane.',
    body: `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: \${1:basic}
  namespace: \${2:istio-system}
spec:
  version: v2.6
  mode: \${3|MultiTenant,ClusterWide|}
  gateways:
    openshiftRoute:
      enabled: false
  tracing:
    type: None
  addons:
    kiali:
      enabled: true
    prometheus:
      enabled: true
`,
  },
  {
    name: 'ServiceMeshControlPlane (production)',
    prefix: 'mesh-smcp-production',
    description: 'Two istiod replicas, two ingress and egress gateway replicas, 5 % tracing, Prometheus retention, data-plane mTLS.',
    body: `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: \${1:production}
  namespace: \${2:istio-system}
spec:
  version: v2.6
  security:
    dataPlane:
      mtls: true
  tracing:
    type: None
    sampling: \${3:500}
  gateways:
    openshiftRoute:
      enabled: false
    ingress:
      runtime:
        deployment:
          replicas: 2
    egress:
      runtime:
        deployment:
          replicas: 2
  runtime:
    components:
      pilot:
        deployment:
          replicas: 2
  addons:
    prometheus:
      enabled: true
      install:
        retention: \${4:7d}
    kiali:
      enabled: true
`,
  },
  {
    name: 'ServiceMeshControlPlane with an additional ingress gateway',
    prefix: 'mesh-smcp-additional-ingress',
    description: 'A control plane with a second ingress gateway in its own namespace.',
    body: `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: \${1:basic}
  namespace: \${2:istio-system}
spec:
  version: v2.6
  tracing:
    type: None
  gateways:
    openshiftRoute:
      enabled: false
    additionalIngress:
      \${3:extra-ingressgateway}:
        enabled: true
        namespace: \${4:extra-ingress}
        service:
          type: ClusterIP
`,
  },
  {
    name: 'ServiceMeshControlPlane with a custom certificate authority',
    prefix: 'mesh-smcp-custom-ca',
    description: 'istiod signs workload certificates with your CA key from /etc/cacerts.',
    body: `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: \${1:basic}
  namespace: \${2:istio-system}
spec:
  version: v2.6
  tracing:
    type: None
  gateways:
    openshiftRoute:
      enabled: false
  security:
    dataPlane:
      mtls: true
    certificateAuthority:
      type: Istiod
      istiod:
        type: PrivateKey
        privateKey:
          rootCADir: /etc/cacerts
`,
  },
  {
    name: 'ServiceMeshControlPlane with federation gateways',
    prefix: 'mesh-smcp-federation',
    description: 'A control plane with ingress and egress gateways dedicated to one federated peer mesh.',
    body: `apiVersion: maistra.io/v2
kind: ServiceMeshControlPlane
metadata:
  name: \${1:fed-export}
  namespace: \${2:istio-system}
spec:
  version: v2.6
  cluster:
    name: \${3:this-cluster}
  tracing:
    type: None
  security:
    trust:
      domain: \${4:this-mesh.local}
  gateways:
    openshiftRoute:
      enabled: false
    additionalEgress:
      \${5:peer-mesh}-egress:
        enabled: true
        requestedNetworkView:
          - network-\${5:peer-mesh}
        routerMode: sni-dnat
        service:
          metadata:
            labels:
              federation.maistra.io/egress-for: \${5:peer-mesh}
          ports:
            - port: 15443
              name: tls
            - port: 8188
              name: http-discovery
    additionalIngress:
      \${5:peer-mesh}-ingress:
        enabled: true
        routerMode: sni-dnat
        service:
          type: LoadBalancer
          metadata:
            labels:
              federation.maistra.io/ingress-for: \${5:peer-mesh}
          ports:
            - port: 15443
              name: tls
            - port: 8188
              name: https-discovery
`,
  },
  {
    name: 'ServiceMeshMemberRoll',
    prefix: 'mesh-smmr',
    description: 'The namespaces that belong to the mesh (the resource must be named default).',
    body: `apiVersion: maistra.io/v1
kind: ServiceMeshMemberRoll
metadata:
  name: default
  namespace: \${1:istio-system}
spec:
  members:
    - \${2:bookinfo}
`,
  },
  {
    name: 'ServiceMeshMember',
    prefix: 'mesh-smm',
    description: 'Adds this namespace to a mesh (the resource must be named default).',
    body: `apiVersion: maistra.io/v1
kind: ServiceMeshMember
metadata:
  name: default
  namespace: \${1:bookinfo}
spec:
  controlPlaneRef:
    name: \${2:basic}
    namespace: \${3:istio-system}
`,
  },
  {
    name: 'Gateway (HTTP)',
    prefix: 'mesh-gateway-http',
    description: 'Plain HTTP on port 80 of the default ingress gateway.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata:
  name: \${1:bookinfo-gateway}
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
        - "\${2:bookinfo.example.com}"
`,
  },
  {
    name: 'Gateway (HTTPS, TLS terminated)',
    prefix: 'mesh-gateway-https',
    description: 'HTTPS with the certificate from a Secret (credentialName) in the gateway namespace.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata:
  name: \${1:bookinfo-gateway}
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
        credentialName: \${2:bookinfo-credential}
      hosts:
        - "\${3:bookinfo.example.com}"
`,
  },
  {
    name: 'Gateway (mutual TLS)',
    prefix: 'mesh-gateway-mtls',
    description: 'HTTPS that also requires a client certificate.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata:
  name: \${1:bookinfo-gateway}
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      tls:
        mode: MUTUAL
        credentialName: \${2:bookinfo-credential}
      hosts:
        - "\${3:bookinfo.example.com}"
`,
  },
  {
    name: 'VirtualService (weighted routes)',
    prefix: 'mesh-virtualservice-weights',
    description: 'Splits traffic between two subsets by weight.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: \${1:reviews}
spec:
  hosts:
    - \${1:reviews}
  http:
    - route:
        - destination:
            host: \${1:reviews}
            subset: \${2:v1}
          weight: \${3:90}
        - destination:
            host: \${1:reviews}
            subset: \${4:v2}
          weight: \${5:10}
`,
  },
  {
    name: 'VirtualService (path prefix)',
    prefix: 'mesh-virtualservice-prefix',
    description: 'Routes requests under a path prefix from a gateway to a service.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: \${1:bookinfo}
spec:
  hosts:
    - "\${2:bookinfo.example.com}"
  gateways:
    - \${3:bookinfo-gateway}
  http:
    - match:
        - uri:
            prefix: \${4:/api}
      route:
        - destination:
            host: \${5:productpage}
            port:
              number: \${6:9080}
`,
  },
  {
    name: 'DestinationRule (subsets, connection pool, outlier detection)',
    prefix: 'mesh-destinationrule',
    description: 'Version subsets with connection limits and ejection of failing endpoints.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: \${1:reviews}
spec:
  host: \${1:reviews}
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: \${2:100}
      http:
        http1MaxPendingRequests: \${3:10}
    outlierDetection:
      consecutive5xxErrors: \${4:5}
      interval: 30s
      baseEjectionTime: 60s
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
`,
  },
  {
    name: 'ServiceEntry (external service)',
    prefix: 'mesh-serviceentry',
    description: 'Lets workloads reach an external HTTPS host.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: \${1:external-api}
spec:
  hosts:
    - \${2:api.example.com}
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: 443
      name: https
      protocol: TLS
`,
  },
  {
    name: 'Sidecar (egress hosts)',
    prefix: 'mesh-sidecar',
    description: 'Limits what the namespace’s proxies are configured for to these hosts.',
    body: `apiVersion: networking.istio.io/v1beta1
kind: Sidecar
metadata:
  name: default
  namespace: \${1:bookinfo}
spec:
  egress:
    - hosts:
        - "./*"
        - "\${2:istio-system}/*"
`,
  },
  {
    name: 'PeerAuthentication (STRICT, namespace-wide)',
    prefix: 'mesh-peerauthentication-strict',
    description: 'Requires mutual TLS for every workload in the namespace.',
    body: `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: default
  namespace: \${1:bookinfo}
spec:
  mtls:
    mode: STRICT
`,
  },
  {
    name: 'PeerAuthentication (DISABLE for one workload)',
    prefix: 'mesh-peerauthentication-disable',
    description: 'Turns mutual TLS off for the workloads with these labels.',
    body: `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: \${1:legacy-app}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${1:legacy-app}
  mtls:
    mode: DISABLE
`,
  },
  {
    name: 'RequestAuthentication (JWT)',
    prefix: 'mesh-requestauthentication',
    description: 'Validates JWTs from an issuer, read from a header.',
    body: `apiVersion: security.istio.io/v1beta1
kind: RequestAuthentication
metadata:
  name: \${1:jwt}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${3:productpage}
  jwtRules:
    - issuer: \${4:https://sso.example.com/realms/bookinfo}
      jwksUri: \${5:https://sso.example.com/realms/bookinfo/protocol/openid-connect/certs}
      fromHeaders:
        - name: \${6:Authorization}
          prefix: "Bearer "
`,
  },
  {
    name: 'AuthorizationPolicy (allow nothing)',
    prefix: 'mesh-authorizationpolicy-deny-all',
    description: 'Default deny for the namespace: an ALLOW policy that matches nothing.',
    body: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata:
  name: allow-nothing
  namespace: \${1:bookinfo}
spec: {}
`,
  },
  {
    name: 'AuthorizationPolicy (allow a service account)',
    prefix: 'mesh-authorizationpolicy-principal',
    description: 'Allows requests from one workload identity.',
    body: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata:
  name: \${1:allow-productpage}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
              - cluster.local/ns/\${2:bookinfo}/sa/\${4:bookinfo-productpage}
`,
  },
  {
    name: 'AuthorizationPolicy (allow paths except some)',
    prefix: 'mesh-authorizationpolicy-paths',
    description: 'Allows GET on a path prefix, except the paths listed in notPaths.',
    body: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata:
  name: \${1:allow-api}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${3:productpage}
  action: ALLOW
  rules:
    - to:
        - operation:
            methods: ["GET"]
            paths: ["\${4:/api/*}"]
            notPaths: ["\${5:/api/admin/*}"]
`,
  },
  {
    name: 'AuthorizationPolicy (require a JWT)',
    prefix: 'mesh-authorizationpolicy-jwt',
    description: 'Allows only requests that carry a valid JWT (use with a RequestAuthentication).',
    body: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata:
  name: \${1:require-jwt}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${3:productpage}
  action: ALLOW
  rules:
    - from:
        - source:
            requestPrincipals: ["*"]
`,
  },
  {
    name: 'WasmPlugin',
    prefix: 'mesh-wasmplugin',
    description: 'A WebAssembly extension for the proxies of matching workloads.',
    body: `apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: \${1:header-filter}
  namespace: \${2:bookinfo}
spec:
  selector:
    matchLabels:
      app: \${3:productpage}
  url: oci://\${4:quay.io/example/header-filter:1.0}
  phase: \${5|AUTHN,AUTHZ,STATS|}
  pluginConfig:
    \${6:header}: \${7:x-example}
`,
  },
  {
    name: 'Telemetry (access logs)',
    prefix: 'mesh-telemetry',
    description: 'Turns on Envoy access logging for the namespace.',
    body: `apiVersion: telemetry.istio.io/v1alpha1
kind: Telemetry
metadata:
  name: \${1:access-logs}
  namespace: \${2:bookinfo}
spec:
  accessLogging:
    - providers:
        - name: envoy
`,
  },
  {
    name: 'Federation: ServiceMeshPeer, ExportedServiceSet, ImportedServiceSet',
    prefix: 'mesh-federation',
    description: 'Connects to a peer mesh, exports a service to it and imports one from it.',
    body: `apiVersion: federation.maistra.io/v1
kind: ServiceMeshPeer
metadata:
  name: \${1:peer-mesh}
  namespace: \${2:istio-system}
spec:
  remote:
    addresses:
      - \${3:peer-ingress.example.com}
    discoveryPort: 8188
    servicePort: 15443
  gateways:
    ingress:
      name: \${1:peer-mesh}-ingress
    egress:
      name: \${1:peer-mesh}-egress
  security:
    trustDomain: \${4:peer-mesh.local}
    clientID: \${4:peer-mesh.local}/ns/\${2:istio-system}/sa/\${1:peer-mesh}-egress-service-account
    certificateChain:
      kind: ConfigMap
      name: \${1:peer-mesh}-ca-root-cert
---
apiVersion: federation.maistra.io/v1
kind: ExportedServiceSet
metadata:
  name: \${1:peer-mesh}
  namespace: \${2:istio-system}
spec:
  exportRules:
    - type: NameSelector
      nameSelector:
        namespace: \${5:bookinfo}
        name: \${6:ratings}
---
apiVersion: federation.maistra.io/v1
kind: ImportedServiceSet
metadata:
  name: \${1:peer-mesh}
  namespace: \${2:istio-system}
spec:
  importRules:
    - type: NameSelector
      importAsLocal: false
      nameSelector:
        namespace: \${7:bookinfo}
        name: \${8:reviews}
`,
  },
];
