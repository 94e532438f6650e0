import { keySpan } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { MAISTRA_SIDECAR_ANNOTATIONS } from './support/annotation-registry';
import { metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

const PREFIX = 'sidecar.maistra.io/';
/** Keys with rules of their own (they have a direct `sidecar.istio.io/` successor). */
const OWN_RULES = new Set(['sidecar.maistra.io/proxyCPULimit', 'sidecar.maistra.io/proxyMemoryLimit']);
/** What to use instead, where there is a supported way. */
const SUCCESSORS: Readonly<Record<string, string>> = {
  get 'sidecar.maistra.io/proxyEnv'() {
    return l10n.t('set the variables under `proxyMetadata` in the `proxy.istio.io/config` annotation');
  },
};

export const annotationMaistraSidecar: Rule = {
  meta: {
    id: 'annotation-maistra-sidecar',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: {},
    fixable: false,
    summary: 'Other `sidecar.maistra.io/` annotations are Maistra-only (or unknown) and have a supported replacement or none.',
  },
  check(context: RuleContext) {
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      if (!entry.key.startsWith(PREFIX) || OWN_RULES.has(entry.key)) continue;
      const span = keySpan(entry.pair);
      if (!span) continue;
      const readBy = MAISTRA_SIDECAR_ANNOTATIONS[entry.key];
      const successor = SUCCESSORS[entry.key];
      const status = readBy
        ? l10n.t('`{0}` is read only by the OpenShift Service Mesh {1}–{2} injector; upstream Istio and OpenShift Service Mesh 3 ignore it.', entry.key, readBy.firstSmcp, readBy.lastSmcp)
        : l10n.t('`{0}` is not read by any OpenShift Service Mesh injector.', entry.key);
      context.report({
        span,
        message: l10n.t('{0} {1}', status, successor ? `Instead, ${successor}.` : 'Use the matching `sidecar.istio.io/` or `proxy.istio.io/config` setting, if there is one.'),
      });
    }
  },
};
