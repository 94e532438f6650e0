import * as l10n from '@vscode/l10n';
import { entries, getNode, getPair, keySpan } from '../../core/ast';
import { below, MeshVersion } from '../../core/versions';
import type { Rule, RuleContext } from '../types';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection, Rejection } from './support/version-path';

const KUBERNETES_ANTI_AFFINITY = ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'];
const MAISTRA_ANTI_AFFINITY = ['requiredDuringScheduling', 'preferredDuringScheduling'];

/** From v2.2 the operator capitalises this one message. */
function kubernetesAntiAffinityMessage(version: MeshVersion): string {
  const start = below(version, 'v2.2') ? 'podAntiAffinity' : 'PodAntiAffinity';
  return `${start} configured via .spec.runtime.components.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution and preferredDuringSchedulingIgnoredDuringExecution is only supported for the "kiali" component`;
}

/** `message` gets the rejection's "where" ("on v2.2, this control plane's `spec.version`") to place in its sentence. */
function report(context: RuleContext, path: readonly string[], rejection: Rejection, message: (where: string) => string): void {
  const pair = getPair(context.resource.root, path);
  const span = pair && keySpan(pair);
  if (span) context.report({ span, message: message(describeRejection(rejection, context.target)) });
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
            (where) => l10n.t('Kiali takes anti-affinity in the Kubernetes form only; `{0}` is refused {1} ("PodAntiAffinity configured via .spec.runtime.components.pod.affinity.podAntiAffinity.requiredDuringScheduling and preferredDuringScheduling is not supported for the "kiali" component"). Use `{0}IgnoredDuringExecution` with Kubernetes pod affinity terms.', key, where));
        }
        continue;
      }
      for (const key of ['nodeAffinity', 'podAffinity']) {
        report(context, [...base, key], rejection,
          (where) => l10n.t('`{0}` on the `{1}` component is refused {2} ("{0} is only supported for the "kiali" component"). Use `pod.nodeSelector` or the operator\'s `podAntiAffinity.requiredDuringScheduling`/`preferredDuringScheduling` form instead.', key, component, where));
      }
      for (const key of KUBERNETES_ANTI_AFFINITY) {
        report(context, [...base, 'podAntiAffinity', key], rejection,
          (where) => l10n.t('The Kubernetes anti-affinity form `{0}` on the `{1}` component is refused {2} ("{3}"). Use the operator\'s form, `{4}` (a list of key, operator, values and topologyKey).', key, component, where, kubernetesAntiAffinityMessage(rejection.version), key.replace('IgnoredDuringExecution', '')));
      }
    }
  },
};
