/**
 * Envoy's xDS v2 type names and, where the move to v3 is a plain rename, their
 * v3 equivalents (Envoy's v3 package layout). Envoy in OpenShift Service Mesh
 * 2.1 (Istio 1.9) and later rejects v2 types.
 */

const TYPE_URL_PREFIX = 'type.googleapis.com/';

/** A whole value naming a v2 type: `envoy.<packages>.v2[alphaN|betaN].<Type>`, optionally as a type URL. */
const V2_TYPE = /^(?:type\.googleapis\.com\/)?envoy\.(?:[a-z0-9_]+\.)*v2(?:alpha\d*|beta\d*)?\.[A-Za-z_][\w.]*$/;

export function isXdsV2Type(value: string): boolean {
  return V2_TYPE.test(value.trim());
}

/** Filter packages whose v3 name differs from the v2 one. */
const RENAMED_FILTERS: Record<string, string> = {
  rate_limit: 'ratelimit',
  local_rate_limit: 'local_ratelimit',
  transcoder: 'grpc_json_transcoder',
};

const FILTER_CATEGORIES = new Set(['http', 'network', 'listener', 'udp']);

/** `envoy.api.v2.<Message>` top-level resources. */
const API_V2_MESSAGES: Record<string, string> = {
  Cluster: 'envoy.config.cluster.v3.Cluster',
  Listener: 'envoy.config.listener.v3.Listener',
  RouteConfiguration: 'envoy.config.route.v3.RouteConfiguration',
  ScopedRouteConfiguration: 'envoy.config.route.v3.ScopedRouteConfiguration',
  ClusterLoadAssignment: 'envoy.config.endpoint.v3.ClusterLoadAssignment',
};

/** `envoy.api.v2.<package>.<Message>` sub-packages. */
const API_V2_PACKAGES: Record<string, string> = {
  core: 'envoy.config.core.v3',
  route: 'envoy.config.route.v3',
  listener: 'envoy.config.listener.v3',
  cluster: 'envoy.config.cluster.v3',
  endpoint: 'envoy.config.endpoint.v3',
  auth: 'envoy.extensions.transport_sockets.tls.v3',
};

/** `envoy.config.<package>.v2.<Message>` packages that kept their place in v3. */
const SAME_PLACE_CONFIG = new Set(['rbac', 'trace', 'metrics']);

/** The v3 name for a v2 type, or undefined when the move is not a plain rename. */
export function v3TypeFor(value: string): string | undefined {
  const trimmed = value.trim();
  const prefix = trimmed.startsWith(TYPE_URL_PREFIX) ? TYPE_URL_PREFIX : '';
  const name = trimmed.slice(prefix.length);
  const v3 = v3Name(name);
  return v3 ? prefix + v3 : undefined;
}

function v3Name(name: string): string | undefined {
  const filter = /^envoy\.config\.filter\.([a-z0-9_]+)\.([a-z0-9_]+)\.v2(?:alpha\d*|beta\d*)?\.([A-Za-z_]\w*)$/.exec(name);
  if (filter) {
    const [, category, pkg, message] = filter;
    if (!FILTER_CATEGORIES.has(category)) return undefined;
    return `envoy.extensions.filters.${category}.${RENAMED_FILTERS[pkg] ?? pkg}.v3.${message}`;
  }
  const topLevel = /^envoy\.api\.v2\.([A-Za-z_]\w*)$/.exec(name);
  if (topLevel) return API_V2_MESSAGES[topLevel[1]];
  const subPackage = /^envoy\.api\.v2\.([a-z_]+)\.([A-Za-z_]\w*)$/.exec(name);
  if (subPackage) {
    const pkg = API_V2_PACKAGES[subPackage[1]];
    return pkg ? `${pkg}.${subPackage[2]}` : undefined;
  }
  const config = /^envoy\.config\.([a-z_]+)\.v2\.([A-Za-z_]\w*)$/.exec(name);
  if (config && SAME_PLACE_CONFIG.has(config[1])) return `envoy.config.${config[1]}.v3.${config[2]}`;
  return undefined;
}
