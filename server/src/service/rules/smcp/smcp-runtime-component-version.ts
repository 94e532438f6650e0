import { Pair } from 'yaml';
import { asMap, entries, getNode, getPair, keySpan, scalarText } from '../../ast';
import type { FixContext, Rule, RuleFix } from '../types';
import { RUNTIME_COMPONENTS } from './runtime-components';
import { SMCP_V2 } from './scope';
import { removeEntries } from './smcp-edits';
import { firstRejection, fixVersions, Rejection } from './version-path';

const COMPONENTS_PATH = ['spec', 'runtime', 'components'];

function absentOn(rejection: Rejection, targetName: string): string {
  if (rejection.kind === 'current') return `does not exist on ${rejection.version.name}, this control plane's \`spec.version\``;
  return rejection.version.name === targetName
    ? `does not exist on ${rejection.version.name}, the target version`
    : `does not exist from ${rejection.version.name} on, a step on the way to ${targetName}`;
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
          message: `\`${name}\` is not a component the operator knows; its settings become Helm values nothing reads. Known components: ${Object.keys(RUNTIME_COMPONENTS).join(', ')}.`,
          data: { change: 'unknown' },
        });
        continue;
      }
      const rejection = firstRejection(context, known.exists);
      if (!rejection) continue;
      context.report({
        span,
        message: `The \`${name}\` component (${known.note}) ${absentOn(rejection, context.target.name)}, so its settings are silently ignored. Remove them.`,
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
    const title = doomed.length === 1 ? `Remove spec.runtime.components.${entryName(doomed[0])}` : `Remove the ${doomed.length} components this version does not have`;
    return [{ title, edits, safe: true, preferred: true }];
  },
};

function entryName(pair: Pair): string {
  return scalarText(pair.key) ?? '';
}
