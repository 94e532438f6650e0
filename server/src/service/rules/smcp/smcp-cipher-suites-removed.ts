import { asSeq, getNode, getPair, nodeSpan, scalarText } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { removeSequenceItems } from './support/smcp-edits';
import * as l10n from '@vscode/l10n';
import { removedCipherSuite } from './support/cipher-suites';

const PATH = ['spec', 'security', 'controlPlane', 'tls', 'cipherSuites'];

export const smcpCipherSuitesRemoved: Rule = {
  meta: {
    id: 'smcp-cipher-suites-removed',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { deprecatedIn: 'v2.3', removedIn: 'v2.4' },
    // Deprecated suites still work on v2.3; only their removal breaks anything.
    gate: { from: 'removedIn' },
    fixable: true,
    summary: 'Cipher suites removed in v2.4 in `spec.security.controlPlane.tls.cipherSuites`.',
  },
  check(context) {
    const suites = asSeq(getNode(context.resource.root, PATH));
    for (const item of suites?.items ?? []) {
      const written = scalarText(item)?.trim() ?? '';
      const span = nodeSpan(item);
      const removed = removedCipherSuite(written);
      if (!removed || !span) continue;
      // Name the other spelling too, so a reader who knows only one recognises the suite.
      const other = written === removed.openssl ? removed.iana : removed.openssl;
      context.report({
        span,
        message: l10n.t('The cipher suite {0} ({1}) was deprecated in v2.3 and removed in v2.4; the control plane no longer offers it. Remove it (clients that depend on it need a stronger suite, such as ECDHE-RSA-AES128-GCM-SHA256).', written, other),
      });
    }
  },
  fix(context) {
    const holder = getPair(context.resource.root, PATH);
    const suites = asSeq(getNode(context.resource.root, PATH));
    if (!holder || !suites) return [];
    // Every removed suite at once, so fix-all never leaves an empty list behind.
    const doomed = suites.items.filter((item) => removedCipherSuite(scalarText(item) ?? '') !== undefined);
    const edits = removeSequenceItems(context.section, holder, suites, doomed);
    if (!edits) return [];
    const title =
      doomed.length === suites.items.length
        ? l10n.t('Remove cipherSuites (every listed suite is gone; the default suites then apply)')
        : doomed.length === 1
          ? `Remove ${scalarText(doomed[0])?.trim()}`
          : l10n.t('Remove the {0} cipher suites removed in v2.4', doomed.length);
    return [{ title, edits, safe: true, preferred: true }];
  },
};
