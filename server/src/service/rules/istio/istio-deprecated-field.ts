import type { Pair, YAMLMap } from 'yaml';
import { asMap, asSeq, findPair, getNode, keySpan, nodeSpan } from '../../core/ast';
import { lineEnding, removePair, renameKey } from '../../edits/yaml-edits';
import type { ParsedSection } from '../../core/documents';
import { SCHEMA_CODES } from '../../schemas/validate';
import type { FixContext, Rule, RuleContext, RuleFix, SectionEdit } from '../types';
import * as l10n from '@vscode/l10n';

type Field = 'consecutiveErrors' | 'fault.delay.percent' | 'fault.abort.percent';

interface Site {
  readonly field: Field;
  readonly pair: Pair;
  /** The mapping holding the pair (outlierDetection, delay or abort). */
  readonly owner: YAMLMap;
  /** The pair whose value is `owner`, to measure the indentation step. */
  readonly ownerPair: Pair | undefined;
}

/** A DestinationRule's traffic policies: top level, per port, per subset. */
function trafficPolicies(root: unknown): YAMLMap[] {
  const spec = getNode(root, ['spec']);
  const tops = [asMap(getNode(spec, ['trafficPolicy']))];
  for (const subset of asSeq(getNode(spec, ['subsets']))?.items ?? []) tops.push(asMap(getNode(subset, ['trafficPolicy'])));
  const policies: YAMLMap[] = [];
  for (const policy of tops) {
    if (!policy) continue;
    policies.push(policy);
    for (const port of asSeq(getNode(policy, ['portLevelSettings']))?.items ?? []) {
      const map = asMap(port);
      if (map) policies.push(map);
    }
  }
  return policies;
}

function sites(kind: string | undefined, root: unknown): Site[] {
  const found: Site[] = [];
  if (kind === 'DestinationRule') {
    for (const policy of trafficPolicies(root)) {
      const ownerPair = findPair(policy, 'outlierDetection');
      const owner = asMap(ownerPair?.value);
      const pair = findPair(owner, 'consecutiveErrors');
      if (owner && pair) found.push({ field: 'consecutiveErrors', pair, owner, ownerPair });
    }
  } else if (kind === 'VirtualService') {
    for (const route of asSeq(getNode(root, ['spec', 'http']))?.items ?? []) {
      for (const fault of ['delay', 'abort'] as const) {
        const ownerPair = findPair(asMap(getNode(route, ['fault'])), fault);
        const owner = asMap(ownerPair?.value);
        const pair = findPair(owner, 'percent');
        if (owner && pair) found.push({ field: `fault.${fault}.percent`, pair, owner, ownerPair });
      }
    }
  }
  return found;
}

function message(site: Site, section: ParsedSection): string {
  if (site.field === 'consecutiveErrors') {
    return l10n.t('`outlierDetection.consecutiveErrors` is deprecated. Istio applies it to gateway errors only (502, 503, 504) and turns 5xx ejection off, so the same behaviour is `consecutiveGatewayErrors` with `consecutive5xxErrors: 0`; use `consecutive5xxErrors` alone to count every 5xx.');
  }
  const span = nodeSpan(site.pair.value);
  const value = span ? section.text.slice(span[0], span[1]) : 'N';
  const schemaNote = site.field === 'fault.abort.percent' ? l10n.t(' Current Istio CRDs no longer define it at all.') : '';
  // The flow map goes in as an argument: braces in the message itself would read as placeholders.
  return l10n.t('`{0}` is deprecated; write `{1}` instead (it also takes fractions such as 0.5).{2}', site.field, `percentage: {value: ${value}}`, schemaNote);
}

/** Whitespace before a key that starts its line; undefined for flow mappings and `- key:` items. */
function lineIndent(section: ParsedSection, pair: Pair): string | undefined {
  const key = keySpan(pair);
  if (!key) return undefined;
  const start = section.lines.lineStart(section.lines.positionAt(key[0]).line);
  const indent = section.text.slice(start, key[0]);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
}

function indentStep(section: ParsedSection, site: Site): string {
  const own = lineIndent(section, site.pair);
  const parent = site.ownerPair ? lineIndent(section, site.ownerPair) : undefined;
  const step = own !== undefined && parent !== undefined ? own.length - parent.length : 0;
  return ' '.repeat(step > 0 ? step : 2);
}

function consecutiveErrorsFixes(section: ParsedSection, site: Site): RuleFix[] {
  if (findPair(site.owner, 'consecutiveGatewayErrors') || findPair(site.owner, 'consecutive5xxErrors')) return [];
  const fixes: RuleFix[] = [];
  const indent = lineIndent(section, site.pair);
  const rename = renameKey(site.pair, 'consecutiveGatewayErrors');
  const valueSpan = nodeSpan(site.pair.value);
  if (indent !== undefined && rename && valueSpan) {
    // Insert at the end of the value's line, after any comment, before its line break.
    const { text } = section;
    const newline = text.indexOf('\n', valueSpan[1]);
    let insertAt = newline < 0 ? text.length : newline;
    if (insertAt > valueSpan[1] && text[insertAt - 1] === '\r') insertAt--;
    const insert: SectionEdit = { start: insertAt, end: insertAt, newText: `${lineEnding(text)}${indent}consecutive5xxErrors: 0` };
    fixes.push({ title: l10n.t('Use consecutiveGatewayErrors with consecutive5xxErrors: 0 (same behaviour)'), edits: [rename, insert], safe: true, preferred: true });
  }
  const to5xx = renameKey(site.pair, 'consecutive5xxErrors');
  if (to5xx) fixes.push({ title: l10n.t('Rename to consecutive5xxErrors (counts every 5xx)'), edits: [to5xx], safe: false });
  return fixes;
}

function percentFixes(section: ParsedSection, site: Site): RuleFix[] {
  if (findPair(site.owner, 'percentage')) {
    // `percentage` wins when both are set, so dropping `percent` changes nothing.
    const removal = removePair(section, site.pair);
    return removal ? [{ title: l10n.t('Remove percent (percentage is already set)'), edits: [removal], safe: true, preferred: true }] : [];
  }
  const indent = lineIndent(section, site.pair);
  const key = keySpan(site.pair);
  const valueSpan = nodeSpan(site.pair.value);
  if (indent === undefined || !key || !valueSpan) return [];
  const value = section.text.slice(valueSpan[0], valueSpan[1]);
  const newText = `percentage:${lineEnding(section.text)}${indent}${indentStep(section, site)}value: ${value}`;
  return [{ title: l10n.t('Use percentage.value'), edits: [{ start: key[0], end: valueSpan[1], newText }], safe: true, preferred: true }];
}

export const istioDeprecatedField: Rule = {
  meta: {
    id: 'istio-deprecated-field',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: { groups: ['networking.istio.io'], kinds: ['DestinationRule', 'VirtualService'] },
    fixable: true,
    deprecated: true,
    summary: 'Deprecated DestinationRule `outlierDetection.consecutiveErrors` and VirtualService `fault.delay.percent`/`fault.abort.percent`.',
  },

  check(context: RuleContext) {
    for (const site of sites(context.resource.kind, context.resource.root)) {
      const span = keySpan(site.pair);
      if (!span) continue;
      context.report({
        span,
        message: message(site, context.section),
        data: { field: site.field },
        // Newer CRDs dropped abort.percent, so the schema calls it unknown; this says what to write.
        supersedes: site.field === 'fault.abort.percent' ? [SCHEMA_CODES.unknownField] : undefined,
      });
    }
  },

  fix(context: FixContext): RuleFix[] {
    const site = sites(context.resource.kind, context.resource.root).find((s) => keySpan(s.pair)?.[0] === context.span[0]);
    if (!site) return [];
    return site.field === 'consecutiveErrors' ? consecutiveErrorsFixes(context.section, site) : percentFixes(context.section, site);
  },
};
