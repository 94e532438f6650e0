import { findPair, getNode, getPair, keySpan, nodeSpan, scalarText, asMap } from '../../../core/ast';
import { replacePair, replaceValue } from '../../../edits/yaml-edits';
import type { FixContext, Rule, RuleContext, RuleFix, RuleMeta } from '../../types';
import * as l10n from '@vscode/l10n';

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
      const block = getNode(context.resource.root, ['spec', field]);
      const typeNode = getNode(block, ['type']);
      const typeSpan = nodeSpan(typeNode);
      if (scalarText(typeNode) === 'Mixer' && typeSpan) {
        context.report({
          span: typeSpan,
          message: l10n.t('Mixer {0} was removed in v2.1; the operator rejects it ("{1}"). Set `{2}.type: Istiod` before moving `spec.version` past v2.0.', field, WEBHOOK_MESSAGE[field], field),
          data: { field, change: 'type' },
        });
      }
      const mixerPair = getPair(context.resource.root, ['spec', field, 'mixer']);
      const mixerSpan = mixerPair ? keySpan(mixerPair) : undefined;
      if (mixerPair && mixerSpan) {
        context.report({
          span: mixerSpan,
          message: l10n.t('`{0}.mixer` configures Mixer, which was removed in v2.1; the operator rejects any `{1}.mixer` block ("{2}"). Remove it; istiod needs no equivalent.', field, field, WEBHOOK_MESSAGE[field]),
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
        return edit ? [{ title: l10n.t('Change {0}.type to Istiod', field), edits: [edit], safe: true, preferred: true }] : [];
      }
      const mixerPair = findPair(block, 'mixer');
      if (context.data?.change === 'mixer' && mixerPair) {
        // With no type left, say Istiod explicitly rather than leave an empty block.
        const edit = typePair
          ? replacePair(context.section, mixerPair, [])
          : replacePair(context.section, mixerPair, ['type: Istiod']);
        return edit ? [{ title: l10n.t('Remove {0}.mixer', field), edits: [edit], safe: true, preferred: true }] : [];
      }
      return [];
    },
  };
}
