import { keySpan } from '../../core/ast';
import type { Rule, RuleContext } from '../types';
import { ANNOTATIONS, compareReleases, istioRelease, LABELS } from './support/annotation-registry';
import { metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

const KEY = 'sidecar.istio.io/inject';

export const annotationInject: Rule = {
  meta: {
    id: 'annotation-inject',
    category: 'deprecated',
    severity: 'info',
    appliesTo: {},
    fixable: false,
    summary: '`sidecar.istio.io/inject` as an annotation: the label form is preferred, and the only one OpenShift Service Mesh 3 reads.',
  },
  check(context: RuleContext) {
    const release = istioRelease(context.target);
    const labelSince = LABELS.get(KEY)?.since;
    const deprecatedIn = ANNOTATIONS.get(KEY)?.deprecated ?? '1.15';
    const labelDocumented = labelSince !== undefined && compareReleases(labelSince, release) <= 0;
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      const span = entry.key === KEY ? keySpan(entry.pair) : undefined;
      if (!span) continue;
      context.report({
        span,
        message: labelDocumented
          ? l10n.t('`{0}` works as an annotation on {1}, but Istio deprecated that form in {2} in favour of the `{3}` label, and OpenShift Service Mesh 3 reads only the label. Move it to `labels`.', KEY, context.target.name, deprecatedIn, KEY)
          : l10n.t('`{0}` is the annotation {1} expects; from Istio {2} (v2.4) the `{3}` label is the documented form, and OpenShift Service Mesh 3 reads only the label. Switch when you move past {4}.', KEY, context.target.name, labelSince ?? '1.16', KEY, context.target.name),
      });
    }
  },
};
