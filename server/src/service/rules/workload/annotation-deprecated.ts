import { keySpan, scalarText } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { ANNOTATIONS, availability, compareReleases, istioRelease, RegistryEntry } from './support/annotation-registry';
import { renameEntryKey } from './support/entry-edits';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import { replacePair } from '../../edits/yaml-edits';
import type { MeshVersion } from '../../core/versions';
import * as l10n from '@vscode/l10n';

/** Deprecated keys that have rules of their own. */
const OWN_RULES = new Set(['sidecar.istio.io/inject', 'sidecar.istio.io/discoveryAddress']);
const PROXY_CONFIG = 'proxy.istio.io/config';

export const annotationDeprecated: Rule = {
  meta: {
    id: 'annotation-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: {},
    fixable: true,
    deprecated: true,
    summary: 'Istio annotations that istio/api marks deprecated, with their replacement.',
  },
  check(context: RuleContext) {
    const release = istioRelease(context.target);
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      const known = ANNOTATIONS.get(entry.key);
      const span = keySpan(entry.pair);
      if (!known?.deprecated || OWN_RULES.has(entry.key) || !span) continue;
      // Removed or not-yet-available keys are the unknown-annotation rule's business.
      if (availability(known, context.target).state !== 'known') continue;
      const already = compareReleases(known.deprecated, release) <= 0;
      const when = `deprecated since Istio ${known.deprecated}`;
      context.report({
        span,
        message: already
          ? l10n.t('`{0}` is {1} ({2} runs Istio {3}). {4}', entry.key, when, context.target.name, release, advice(known, context.target))
          : l10n.t('`{0}` still works on {1} (Istio {2}) but is {3}; plan for it before a later upgrade. Later, {4}', entry.key, context.target.name, release, when, lowerFirst(advice(known, context.target))),
        severity: already ? 'warning' : 'info',
        tags: already ? undefined : [],
        data: { ...entryRef(entry), fixable: already },
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    if (context.data?.fixable !== true) return [];
    const located = locateEntry(context.resource.root, context.data);
    const known = located ? ANNOTATIONS.get(String(context.data.key)) : undefined;
    const replacement = known?.replacement;
    if (!located || !replacement) return [];
    if (replacement.kind === 'annotation') {
      const successor = ANNOTATIONS.get(replacement.name);
      if (!successor || availability(successor, context.target).state !== 'known') return [];
      const edit = renameEntryKey(context.section, located.pair, replacement.name);
      return edit ? [{ title: l10n.t('Rename to {0}', replacement.name), edits: [edit], safe: true, preferred: true }] : [];
    }
    if (replacement.kind === 'proxy-config') {
      // Only when there is no proxy.istio.io/config to merge into, and the map is block style.
      const hasConfig = located.map.items.some((item) => scalarText((item as { key?: unknown }).key) === PROXY_CONFIG);
      const values = (scalarText(located.pair.value) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
      if (hasConfig || located.map.flow || values.length === 0) return [];
      const [section, field] = replacement.name.split('.');
      const lines = [`${PROXY_CONFIG}: |`, `  ${section}:`, `    ${field}:`, ...values.map((v) => `    - ${JSON.stringify(v)}`)];
      const edit = replacePair(context.section, located.pair, lines);
      return edit ? [{ title: l10n.t('Move to {0} in {1}', replacement.name, PROXY_CONFIG), edits: [edit], safe: false, preferred: true }] : [];
    }
    return [];
  },
};

function advice(entry: RegistryEntry, target: MeshVersion): string {
  const replacement = entry.replacement;
  if (replacement?.kind === 'annotation') {
    const successor = ANNOTATIONS.get(replacement.name);
    const ready = successor && availability(successor, target).state === 'known';
    return ready
      ? `Use the \`${replacement.name}\` annotation instead.`
      : l10n.t('Its successor `{0}` arrives in Istio {1}; keep this one until then.', replacement.name, successor?.since ?? 'a later release');
  }
  if (replacement?.kind === 'label') return `Use the \`${replacement.name}\` label instead.`;
  if (replacement?.kind === 'proxy-config') return `Set \`${replacement.name}\` in the \`${PROXY_CONFIG}\` annotation instead.`;
  return entry.note ?? l10n.t('There is no replacement; remove it when you can.');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
