import { findPair, getNode, getPair, keySpan, nodeSpan, scalarText, asMap } from '../../ast';
import { replacePair, replaceValue } from '../../fixes/yaml-edits';
import { atLeast, maxVersion } from '../../versions';
import type { FixContext, Rule, RuleContext, RuleFix, RuleMeta } from '../types';

type MixerField = 'policy' | 'telemetry';

/** The webhook's own words, quoted so users can match what they saw. */
const WEBHOOK_MESSAGE: Record<MixerField, string> = {
  policy: 'support for policy.type "Mixer" and policy.Mixer options have been removed in v2.1, please use another alternative',
  telemetry: 'support for telemetry.type "Mixer" and telemetry.Mixer options have been removed in v2.1, please use another alternative',
};

/**
 * Mixer-based policy and telemetry, removed in v2.1. Shared by the policy and
 * telemetry rules, which differ only in the field they look at.
 */
export function mixerRemovedRule(field: MixerField, meta: RuleMeta): Rule {
  return {
    meta,
    check(context: RuleContext) {
      const effective = context.smcpVersion ? maxVersion(context.smcpVersion, context.target) : context.target;
      if (!atLeast(effective, 'v2.1')) return;
      const block = getNode(context.resource.root, ['spec', field]);
      const typeNode = getNode(block, ['type']);
      const typeSpan = nodeSpan(typeNode);
      if (scalarText(typeNode) === 'Mixer' && typeSpan) {
        context.report({
          span: typeSpan,
          message: `Mixer ${field} was removed in v2.1; the operator rejects it ("${WEBHOOK_MESSAGE[field]}"). Set \`${field}.type: Istiod\` before moving \`spec.version\` past v2.0.`,
          data: { field, change: 'type' },
        });
      }
      const mixerPair = getPair(context.resource.root, ['spec', field, 'mixer']);
      const mixerSpan = mixerPair ? keySpan(mixerPair) : undefined;
      if (mixerPair && mixerSpan) {
        context.report({
          span: mixerSpan,
          message: `\`${field}.mixer\` configures Mixer, which was removed in v2.1; the operator rejects any \`${field}.mixer\` block ("${WEBHOOK_MESSAGE[field]}"). Remove it; istiod needs no equivalent.`,
          data: { field, change: 'mixer' },
        });
      }
    },
    fix(context: FixContext): RuleFix[] {
      const block = asMap(getNode(context.resource.root, ['spec', field]));
      if (!block) return [];
      const typePair = findPair(block, 'type');
      if (context.data?.change === 'type' && typePair) {
        const edit = replaceValue(typePair.value, 'Istiod');
        return edit ? [{ title: `Change ${field}.type to Istiod`, edits: [edit], safe: true, preferred: true }] : [];
      }
      const mixerPair = findPair(block, 'mixer');
      if (context.data?.change === 'mixer' && mixerPair) {
        // With no type left, say Istiod explicitly rather than leave an empty block.
        const edit = typePair
          ? replacePair(context.section, mixerPair, [])
          : replacePair(context.section, mixerPair, ['type: Istiod']);
        return edit ? [{ title: `Remove ${field}.mixer`, edits: [edit], safe: true, preferred: true }] : [];
      }
      return [];
    },
  };
}
