import { isScalar } from 'yaml';
import { getNode, getPair, keySpan, nodeSpan } from '../../core/ast';
import { compareVersions, MeshVersion, operatorWindow, parseKnownVersion } from '../../core/versions';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { isPatch } from './support/fragments';
import { SMCP_ANY } from './support/scope';
import { insertPath } from './support/smcp-edits';
import { replaceScalar } from '../../edits/yaml-edits';
import { isUnsetVersion, versionField } from './support/version-text';
import * as l10n from '@vscode/l10n';

function names(versions: readonly MeshVersion[]): string {
  return versions.map((v) => v.name).join(', ');
}

/** `2.6` → v2.6, `v2.5.1` → v2.5, `V2.4` → v2.4, when that is a version some operator knows. */
function likelyMeant(text: string): string | undefined {
  const match = /^[vV]?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return match ? parseKnownVersion(`v${Number(match[1])}.${Number(match[2])}`)?.name : undefined;
}

function checkMissing(context: RuleContext): void {
  if (isPatch(context)) return;
  // A v1 resource gets its own advice from smcp-v1-resource: pinning it to a v2 version would make it invalid.
  if (context.resource.apiVersion !== 'maistra.io/v2') return;
  const versionPair = getPair(context.resource.root, ['spec', 'version']);
  if (versionPair && isScalar(versionPair.value) && versionPair.value.value !== null) return;
  const anchor = versionPair ?? getPair(context.resource.root, ['spec']) ?? context.resource.kindPair;
  const span = anchor && keySpan(anchor);
  if (!span) return;
  context.report({
    span,
    severity: 'warning',
    message:
      l10n.t('`spec.version` is not set, so the operator fills in its newest version ({0} for the target operator) and an operator update later upgrades this control plane without anyone deciding to. Pin `spec.version`.', context.target.name),
    data: { change: 'pin' },
  });
}

export const smcpVersion: Rule = {
  meta: {
    id: 'smcp-version',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_ANY,
    fixable: true,
    summary: '`spec.version` must be a `vX.Y` the target operator accepts; warns when it is unset or out of maintenance.',
  },
  check(context) {
    const field = versionField(context.section, context.resource);
    if (!field || isUnsetVersion(field)) {
      checkMissing(context);
      return;
    }
    const { accepted, maintained } = operatorWindow(context.target);
    const operator = l10n.t('the {0} operator', context.target.name.slice(1));
    const version = parseKnownVersion(field.text);
    if (!version) {
      const meant = likelyMeant(field.text);
      // Only suggest (and fix to) a version the target operator takes: `v2.2.1`
      // → `v2.2` would trade one rejection for another on operator 2.6.
      const suggestion = meant && accepted.some((v) => v.name === meant) ? meant : undefined;
      const hint = suggestion
        ? l10n.t('Did you mean `{0}`?', suggestion)
        : meant
          ? l10n.t('Written as `{0}` it would still be refused: {1} does not accept {0} either.', meant, operator)
          : '';
      context.report({
        span: field.span,
        message:
          l10n.t('`{0}` is not a valid `spec.version`: it must be exactly `vX.Y` and a released version (the webhook says "invalid Version specified; supported versions are: …"). The {1} operator accepts {2}.', field.text, context.target.name.slice(1), names(accepted)) +
          (hint ? ' ' + hint : ''),
        data: suggestion ? { change: 'replace', suggestion } : undefined,
      });
      return;
    }
    if (!accepted.some((v) => compareVersions(v, version) === 0)) {
      const reason =
        version.name === 'v1.0'
          ? l10n.t('support for v1.0 has been dropped')
          : compareVersions(version, context.target) > 0
            ? l10n.t('it is newer than {0} knows', operator)
            : l10n.t('{0} only accepts {1} ("Only \'…\' versions are supported")', operator, names(accepted));
      context.report({
        span: field.span,
        message:
          l10n.t('{0} cannot be reconciled with the target {1}: {2}. Upgrade the control plane one minor version at a time, each with an operator that still accepts it, before updating the operator further.', version.name, context.target.name, reason),
      });
      return;
    }
    if (!maintained.some((v) => compareVersions(v, version) === 0)) {
      context.report({
        span: field.span,
        severity: 'warning',
        message: l10n.t('{0} is still accepted by {1} but no longer maintained (maintained: {2}). Plan the upgrade.', version.name, operator, names(maintained)),
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    if (context.data?.change === 'replace' && typeof context.data.suggestion === 'string') {
      const node = getNode(context.resource.root, ['spec', 'version']);
      const span = nodeSpan(node);
      if (!span) return [];
      // Quoted versions stay quoted in the same style; block scalars become plain.
      const edit = replaceScalar(node, context.data.suggestion) ?? { start: span[0], end: span[1], newText: context.data.suggestion };
      return [{ title: l10n.t('Change spec.version to {0}', context.data.suggestion), edits: [edit], safe: true, preferred: true }];
    }
    if (context.data?.change === 'pin') {
      const versionPair = getPair(context.resource.root, ['spec', 'version']);
      if (versionPair) {
        // `version:`, `version: null` or `version: ~`: write the version in place.
        const key = keySpan(versionPair);
        const value = nodeSpan(versionPair.value);
        if (!key) return [];
        const title = l10n.t('Pin spec.version to {0}', context.target.name);
        if (value && value[1] > value[0]) return [{ title, edits: [{ start: value[0], end: value[1], newText: context.target.name }], safe: false, preferred: true }];
        const colon = context.section.text.indexOf(':', key[1]);
        if (colon !== key[1] && context.section.text.slice(key[1], colon).trim() !== '') return [];
        return [{ title, edits: [{ start: key[0], end: colon + 1, newText: `version: ${context.target.name}` }], safe: false, preferred: true }];
      }
      const edit = insertPath(context.section, context.resource.root, ['spec', 'version'], context.target.name, 'first');
      return edit ? [{ title: l10n.t('Pin spec.version to {0}', context.target.name), edits: [edit], safe: false, preferred: true }] : [];
    }
    return [];
  },
};
