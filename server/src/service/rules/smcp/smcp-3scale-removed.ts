import { asMap, getNode, getPair, keySpan } from '../../core/ast';
import { below } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { removeEntries } from './support/smcp-edits';
import { describeRejection, firstRejection } from './support/version-path';
import * as l10n from '@vscode/l10n';

const WEBHOOK_MESSAGE =
  'support for 3scale has been removed in v2.1; please remove the spec.addons.3scale section from the SMCP and configure the 3scale WebAssembly adapter using a ServiceMeshExtension resource';

export const smcp3scaleRemoved: Rule = {
  meta: {
    id: 'smcp-3scale-removed',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { removedIn: 'v2.1' },
    fixable: true,
    deprecated: true,
    summary: 'The 3scale add-on (`spec.addons.3scale`) is rejected from v2.1.',
  },
  check(context) {
    const pair = getPair(context.resource.root, ['spec', 'addons', '3scale']);
    const span = pair && keySpan(pair);
    if (!span) return;
    const rejection = firstRejection(context, (v) => below(v, 'v2.1'));
    if (!rejection) return;
    context.report({
      span,
      message:
        l10n.t('The 3scale add-on was removed in v2.1 and is refused {0} ("{1}"). Remove `spec.addons.3scale` and run the 3scale WebAssembly module instead (a WasmPlugin from v2.2; ServiceMeshExtension, which the message names, is gone in v2.3).', describeRejection(rejection, context.target), WEBHOOK_MESSAGE),
    });
  },
  fix(context) {
    const addonsPair = getPair(context.resource.root, ['spec', 'addons']);
    const addons = asMap(getNode(context.resource.root, ['spec', 'addons']));
    const pair = getPair(context.resource.root, ['spec', 'addons', '3scale']);
    if (!addonsPair || !addons || !pair) return [];
    const edits = removeEntries(context.section, addonsPair, addons, [pair]);
    // Not part of fix-all: the adapter's settings have to be carried over to the WebAssembly module by hand.
    return edits ? [{ title: l10n.t('Remove spec.addons.3scale'), edits, safe: false, preferred: true }] : [];
  },
};
