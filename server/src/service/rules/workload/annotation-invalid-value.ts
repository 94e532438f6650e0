import { isScalar } from 'yaml';
import { keySpan, nodeSpan } from '../../ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { ANNOTATIONS, isIstioKey, keyDomain } from './annotation-registry';
import { allMetadataEntries, entryRef, locateEntry, trimmedSpan } from './metadata-entries';
import { checkValue } from './value-types';

/** Value types of Maistra keys that istio/api does not list. */
const MAISTRA_TYPES: Readonly<Record<string, string>> = { 'sidecar.maistra.io/proxyEnv': 'json' };

export const annotationInvalidValue: Rule = {
  meta: {
    id: 'annotation-invalid-value',
    category: 'invalid',
    severity: 'error',
    appliesTo: {},
    fixable: true,
    summary: 'Malformed values of Istio annotations (booleans, numbers, durations, quantities, YAML) and non-string mesh labels or annotations.',
  },
  check(context: RuleContext) {
    for (const entry of allMetadataEntries(context.resource)) {
      if (!isMeshKey(entry.key)) continue;
      const value = entry.pair.value;
      const noun = entry.field === 'labels' ? 'label' : 'annotation';
      const keyRange = keySpan(entry.pair);
      if (!keyRange) continue;
      if (value === null || (isScalar(value) && value.value === null)) {
        context.report({
          span: keyRange,
          severity: 'warning',
          message: `\`${entry.key}\` has no value (null). Kubernetes stores ${noun}s as strings: depending on how the file is applied this becomes an empty string or, with \`kubectl apply\`, removes the ${noun}. Write \`""\` for an empty value.`,
          data: { ...entryRef(entry), change: 'empty' },
        });
        continue;
      }
      const span = trimmedSpan(context.section.text, value) ?? keyRange;
      if (!isScalar(value)) {
        context.report({ span, message: `\`${entry.key}\` must be a string; Kubernetes rejects ${noun === 'label' ? 'a label' : 'an annotation'} whose value is a mapping or a list.` });
        continue;
      }
      if (typeof value.value !== 'string') {
        context.report({
          span,
          message: `\`${entry.key}\` is written as a ${typeof value.value === 'boolean' ? 'boolean' : 'number'}; Kubernetes accepts only strings in ${noun}s and rejects the resource. Quote it.`,
          data: { ...entryRef(entry), change: 'quote' },
        });
        continue;
      }
      if (entry.field !== 'annotations') continue;
      const type = ANNOTATIONS.get(entry.key)?.type ?? MAISTRA_TYPES[entry.key];
      const problem = type ? checkValue(type, value.value) : undefined;
      if (problem) {
        context.report({
          span,
          severity: problem.severity,
          message: problem.severity
            ? `\`${entry.key}\`: \`${shorten(value.value)}\` ${problem.problem}.`
            : problem.problem.startsWith('is not')
              ? `\`${entry.key}\` ${problem.problem}.`
              : `\`${entry.key}\` ${problem.problem}; \`${shorten(value.value)}\` is not.`,
        });
      }
    }
  },
  fix(context: FixContext): RuleFix[] {
    const located = locateEntry(context.resource.root, context.data);
    if (!located) return [];
    const value = located.pair.value;
    if (context.data?.change === 'quote') {
      const span = nodeSpan(value);
      if (!span) return [];
      const source = context.section.text.slice(span[0], span[1]);
      return [{ title: `Quote the value: ${JSON.stringify(source)}`, edits: [{ start: span[0], end: span[1], newText: JSON.stringify(source) }], safe: true, preferred: true }];
    }
    if (context.data?.change === 'empty') {
      const span = nodeSpan(value);
      if (span && span[1] > span[0]) return [{ title: 'Write an empty string', edits: [{ start: span[0], end: span[1], newText: '""' }], safe: false }];
      const key = keySpan(located.pair);
      const colon = key ? context.section.text.indexOf(':', key[1]) : -1;
      if (colon < 0) return [];
      return [{ title: 'Write an empty string', edits: [{ start: colon + 1, end: colon + 1, newText: ' ""' }], safe: false }];
    }
    return [];
  },
};

/** Istio and Maistra keys, whose values this rule vouches for. */
function isMeshKey(key: string): boolean {
  const domain = keyDomain(key);
  return isIstioKey(key) || domain === 'maistra.io' || (domain?.endsWith('.maistra.io') ?? false);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
