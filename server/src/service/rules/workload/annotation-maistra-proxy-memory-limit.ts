import { maistraProxyLimitRule } from './support/maistra-proxy-limit';

export const annotationMaistraProxyMemoryLimit = maistraProxyLimitRule(
  {
    id: 'annotation-maistra-proxy-memory-limit',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: {},
    versions: { removedIn: 'v2.0' },
    fixable: true,
    deprecated: true,
    summary: '`sidecar.maistra.io/proxyMemoryLimit` is ignored from v2.0; use `sidecar.istio.io/proxyMemoryLimit`.',
  },
  'sidecar.maistra.io/proxyMemoryLimit',
  'sidecar.istio.io/proxyMemoryLimit',
  'memory limit',
);
