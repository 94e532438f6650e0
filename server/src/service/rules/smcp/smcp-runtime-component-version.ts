import { Pair } from 'yaml';
import { asMap, entries, getNode, getPair, keySpan, scalarText } from '../../core/ast';
import type { FixContext, Rule, RuleFix } from '../types';
import { RUNTIME_COMPONENTS } from './support/runtime-components';
import { SMCP_V2 } from './support/scope';
import { removeEntries } from './support/smcp-edits';
import { firstRejection, fixVersions, Rejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

const COMPONENTS_PATH = ['spec', 'runtime', 'components'];

function absentOn(rejection: Rejection, targetName: string): string {
  if (rejection.kind === 'current') return l10n.t('does not exist on {0}, this control plane\'s `spec.version`', rejection.version.name);
  return rejection.version.name === targetName
    ? l10n.t('does not exist on {0}, the target version', rejection.version.name)
    : l10n.t('does not exist from {0} on, a step on the way to {1}', rejection.version.name, targetName);
}

export const smcpRuntimeComponentVersion: Rule = {
  meta: {
    id: 'smcp-runtime-component-version',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    fixable: true,
    summary: '`spec.runtime.components` entries for components the version does not have (or the operator does not know) are ignored.',
  },
  check(context) {
    for (const [name, pair] of entries(getNode(context.resource.root, COMPONENTS_PATH))) {
      const span = keySpan(pair);
      if (!span) continue;
      const known = RUNTIME_COMPONENTS[name];
      if (!known) {
        context.report({
          span,
          message: l10n.t('`{0}` is not a component the operator knows; its settings become Helm values nothing reads. Known components: {1}.', name, Object.keys(RUNTIME_COMPONENTS).join(', ')),
          data: { change: 'unknown' },
        });
        continue;
      }
      const rejection = firstRejection(context, known.exists);
      if (!rejection) continue;
      context.report({
        span,
        message: l10n.t('The `{0}` component ({1}) {2}, so its settings are silently ignored. Remove them.', name, known.note, absentOn(rejection, context.target.name)),
        data: { change: 'remove' },
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    if (context.data?.change !== 'remove') return [];
    const holder = getPair(context.resource.root, COMPONENTS_PATH);
    const components = asMap(getNode(context.resource.root, COMPONENTS_PATH));
    if (!holder || !components) return [];
    // Remove every stale component at once, so fix-all never leaves `components:` empty.
    const versions = fixVersions(context);
    const doomed: Pair[] = [];
    for (const [name, pair] of entries(components)) {
      const known = RUNTIME_COMPONENTS[name];
      if (known && firstRejection(versions, known.exists)) doomed.push(pair);
    }
    const edits = removeEntries(context.section, holder, components, doomed);
    if (!edits) return [];
    const title = doomed.length === 1 ? l10n.t('Remove spec.runtime.components.{0}', entryName(doomed[0])) : l10n.t('Remove the {0} components this version does not have', doomed.length);
    return [{ title, edits, safe: true, preferred: true }];
  },
};

function entryName(pair: Pair): string {
  return scalarText(pair.key) ?? '';
}
