import { entries, getNode, getPair, keySpan } from '../../ast';
import { below, MeshVersion } from '../../versions';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './scope';
import { describeRejection, firstRejection, Rejection } from './version-path';

const KUBERNETES_ANTI_AFFINITY = ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'];
const MAISTRA_ANTI_AFFINITY = ['requiredDuringScheduling', 'preferredDuringScheduling'];

/** From v2.2 the operator capitalises this one message. */
function kubernetesAntiAffinityMessage(version: MeshVersion): string {
  const start = below(version, 'v2.2') ? 'podAntiAffinity' : 'PodAntiAffinity';
  return `${start} configured via .spec.runtime.components.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution and preferredDuringSchedulingIgnoredDuringExecution is only supported for the "kiali" component`;
}

function report(context: RuleContext, path: readonly string[], rejection: Rejection, text: string): void {
  const pair = getPair(context.resource.root, path);
  const span = pair && keySpan(pair);
  if (span) context.report({ span, message: text.replace('{where}', describeRejection(rejection, context.target)) });
}

export const smcpRuntimeAffinity: Rule = {
  meta: {
    id: 'smcp-runtime-affinity',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.1' },
    fixable: false,
    summary: 'Component affinity forms the v2.1+ webhook refuses: node/pod affinity outside Kiali, and the wrong podAntiAffinity form.',
  },
  check(context) {
    const rejection = firstRejection(context, (v) => below(v, 'v2.1'));
    if (!rejection) return;
    for (const [component] of entries(getNode(context.resource.root, ['spec', 'runtime', 'components']))) {
      const base = ['spec', 'runtime', 'components', component, 'pod', 'affinity'];
      const affinity = getNode(context.resource.root, base);
      if (!affinity) continue;
      if (component === 'kiali') {
        for (const key of MAISTRA_ANTI_AFFINITY) {
          report(context, [...base, 'podAntiAffinity', key], rejection,
            `Kiali takes anti-affinity in the Kubernetes form only; \`${key}\` is refused {where} ("PodAntiAffinity configured via .spec.runtime.components.pod.affinity.podAntiAffinity.requiredDuringScheduling and preferredDuringScheduling is not supported for the "kiali" component"). Use \`${key}IgnoredDuringExecution\` with Kubernetes pod affinity terms.`);
        }
        continue;
      }
      for (const key of ['nodeAffinity', 'podAffinity']) {
        report(context, [...base, key], rejection,
          `\`${key}\` on the \`${component}\` component is refused {where} ("${key} is only supported for the "kiali" component"). Use \`pod.nodeSelector\` or the operator's \`podAntiAffinity.requiredDuringScheduling\`/\`preferredDuringScheduling\` form instead.`);
      }
      for (const key of KUBERNETES_ANTI_AFFINITY) {
        report(context, [...base, 'podAntiAffinity', key], rejection,
          `The Kubernetes anti-affinity form \`${key}\` on the \`${component}\` component is refused {where} ("${kubernetesAntiAffinityMessage(rejection.version)}"). Use the operator's form, \`${key.replace('IgnoredDuringExecution', '')}\` (a list of key, operator, values and topologyKey).`);
      }
    }
  },
};
