import { keySpan } from '../../ast';
import type { Rule, RuleContext } from '../types';
import { ANNOTATIONS, compareReleases, istioRelease, LABELS } from './annotation-registry';
import { metadataEntries } from './metadata-entries';

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
          ? `\`${KEY}\` works as an annotation on ${context.target.name}, but Istio deprecated that form in ${deprecatedIn} in favour of the \`${KEY}\` label, and OpenShift Service Mesh 3 reads only the label. Move it to \`labels\`.`
          : `\`${KEY}\` is the annotation ${context.target.name} expects; from Istio ${labelSince ?? '1.16'} (v2.4) the \`${KEY}\` label is the documented form, and OpenShift Service Mesh 3 reads only the label. Switch when you move past ${context.target.name}.`,
      });
    }
  },
};
