import { getNode, nodeSpan, scalarText } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { replaceScalarText } from './support/scalar-edit';
import { SME_API_VERSIONS } from './service-mesh-extension-removed';
import * as l10n from '@vscode/l10n';

/** Maistra's phase constants (the CRD leaves the field a free string). */
export const SME_PHASES = ['PreAuthN', 'PostAuthN', 'PreAuthZ', 'PostAuthZ', 'PreStats', 'PostStats'];

/** WasmPlugin's phases, a common mix-up while migrating. */
const WASM_PLUGIN_PHASES = ['AUTHN', 'AUTHZ', 'STATS', 'UNSPECIFIED_PHASE'];

export const serviceMeshExtensionInvalidPhase: Rule = {
  meta: {
    id: 'service-mesh-extension-invalid-phase',
    category: 'invalid',
    severity: 'error',
    appliesTo: { apiVersions: SME_API_VERSIONS, kinds: ['ServiceMeshExtension'] },
    fixable: true,
    summary: 'A ServiceMeshExtension `spec.phase` that is not one of PreAuthN, PostAuthN, PreAuthZ, PostAuthZ, PreStats, PostStats.',
  },

  check(context: RuleContext) {
    const node = getNode(context.resource.root, ['spec', 'phase']);
    const span = nodeSpan(node);
    const phase = scalarText(node);
    if (phase === undefined || !span || SME_PHASES.includes(phase)) return;
    const sameLetters = SME_PHASES.find((p) => p.toLowerCase() === phase.toLowerCase());
    const hint = sameLetters
      ? l10n.t(' Phases are case-sensitive: write `{0}`.', sameLetters)
      : WASM_PLUGIN_PHASES.includes(phase)
        ? l10n.t(' That is a WasmPlugin phase; a ServiceMeshExtension uses the Pre/Post names.')
        : '';
    context.report({
      span,
      message: l10n.t('`spec.phase` cannot be "{0}": Maistra places an extension in the filter chain by one of {1}.{2}', phase, SME_PHASES.join(', '), hint),
      data: sameLetters ? { phase: sameLetters } : undefined,
    });
  },

  fix(context: FixContext): RuleFix[] {
    const phase = context.data?.phase;
    if (typeof phase !== 'string') return [];
    const edit = replaceScalarText(context.section, getNode(context.resource.root, ['spec', 'phase']), phase);
    return edit ? [{ title: l10n.t('Change phase to {0}', phase), edits: [edit], safe: true, preferred: true }] : [];
  },
};
