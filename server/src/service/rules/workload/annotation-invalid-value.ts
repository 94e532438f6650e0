import { isScalar } from 'yaml';
import { keySpan, nodeSpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { ANNOTATIONS, isIstioKey, keyDomain } from './support/annotation-registry';
import { allMetadataEntries, entryRef, locateEntry, trimmedSpan } from './support/metadata-entries';
import { checkValue } from './support/value-types';
import * as l10n from '@vscode/l10n';

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
          message: l10n.t('`{0}` has no value (null). Kubernetes stores {1}s as strings: depending on how the file is applied this becomes an empty string or, with `kubectl apply`, removes the {2}. Write `""` for an empty value.', entry.key, noun, noun),
          data: { ...entryRef(entry), change: 'empty' },
        });
        continue;
      }
      const span = trimmedSpan(context.section.text, value) ?? keyRange;
      if (!isScalar(value)) {
        context.report({ span, message: l10n.t('`{0}` must be a string; Kubernetes rejects {1} whose value is a mapping or a list.', entry.key, noun === 'label' ? 'a label' : 'an annotation') });
        continue;
      }
      if (typeof value.value !== 'string') {
        context.report({
          span,
          message: l10n.t('`{0}` is written as a {1}; Kubernetes accepts only strings in {2}s and rejects the resource. Quote it.', entry.key, typeof value.value === 'boolean' ? 'boolean' : 'number', noun),
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
            ? l10n.t('`{0}`: `{1}` {2}.', entry.key, shorten(value.value), problem.problem)
            : problem.problem.startsWith('is not')
              ? l10n.t('`{0}` {1}.', entry.key, problem.problem)
              : l10n.t('`{0}` {1}; `{2}` is not.', entry.key, problem.problem, shorten(value.value)),
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
      return [{ title: l10n.t('Quote the value: {0}', JSON.stringify(source)), edits: [{ start: span[0], end: span[1], newText: JSON.stringify(source) }], safe: true, preferred: true }];
    }
    if (context.data?.change === 'empty') {
      const span = nodeSpan(value);
      if (span && span[1] > span[0]) return [{ title: l10n.t('Write an empty string'), edits: [{ start: span[0], end: span[1], newText: '""' }], safe: false }];
      const key = keySpan(located.pair);
      const colon = key ? context.section.text.indexOf(':', key[1]) : -1;
      if (colon < 0) return [];
      return [{ title: l10n.t('Write an empty string'), edits: [{ start: colon + 1, end: colon + 1, newText: ' ""' }], safe: false }];
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
