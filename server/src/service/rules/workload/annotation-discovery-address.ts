import { keySpan } from '../../core/ast';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { removeEntryFix } from './support/entry-edits';
import { entryRef, locateEntry, metadataEntries } from './support/metadata-entries';
import * as l10n from '@vscode/l10n';

const KEY = 'sidecar.istio.io/discoveryAddress';

export const annotationDiscoveryAddress: Rule = {
  meta: {
    id: 'annotation-discovery-address',
    category: 'upgrade-blocker',
    severity: 'warning',
    appliesTo: {},
    versions: { removedIn: 'v2.0' },
    fixable: true,
    summary: '`sidecar.istio.io/discoveryAddress` is not supported from v2.0; sidecars always use istiod.',
  },
  check(context: RuleContext) {
    for (const entry of metadataEntries(context.resource, 'annotations')) {
      const span = entry.key === KEY ? keySpan(entry.pair) : undefined;
      if (!span) continue;
      context.report({
        span,
        message: l10n.t('`{0}` is not supported from v2.0: sidecars always connect to istiod at `istiod-<control plane name>.<control plane namespace>.svc:15012`. Remove the annotation.', KEY),
        data: entryRef(entry),
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    return removeEntryFix(context.section, locateEntry(context.resource.root, context.data), l10n.t('Remove {0}', KEY));
  },
};
