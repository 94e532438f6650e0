import { maistraProxyLimitRule } from './support/maistra-proxy-limit';

export const annotationMaistraProxyCpuLimit = maistraProxyLimitRule(
  {
    id: 'annotation-maistra-proxy-cpu-limit',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: {},
    versions: { removedIn: 'v2.0' },
    fixable: true,
    deprecated: true,
    summary: '`sidecar.maistra.io/proxyCPULimit` is ignored from v2.0; use `sidecar.istio.io/proxyCPULimit`.',
  },
  'sidecar.maistra.io/proxyCPULimit',
  'sidecar.istio.io/proxyCPULimit',
  'CPU limit',
);
