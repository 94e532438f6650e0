import { getNode, getPair, keySpan, scalarValue } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

export const smcpGrafanaDeprecated: Rule = {
  meta: {
    id: 'smcp-grafana-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    versions: { deprecatedIn: 'v2.4' },
    gate: { from: 'deprecatedIn' },
    fixable: false,
    deprecated: true,
    summary: 'The Grafana add-on (`spec.addons.grafana`) is deprecated since v2.4.',
  },
  check(context) {
    const pair = getPair(context.resource.root, ['spec', 'addons', 'grafana']);
    const span = pair && keySpan(pair);
    // A Grafana that is explicitly off is what the deprecation asks for.
    if (!span || scalarValue(getNode(pair.value, ['enabled'])) === false) return;
    context.report({
      span,
      message: l10n.t('The Grafana add-on is deprecated since v2.4 and not part of OSSM 3. Run Grafana yourself (for example the community Grafana operator) against the mesh Prometheus, then set `grafana.enabled: false`.'),
    });
  },
};
