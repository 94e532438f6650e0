import * as l10n from '@vscode/l10n';
import { getNode, nodeSpan, scalarText, scalarValue } from '../../core/ast';
import { atLeast } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import { effectiveSmcpVersion } from '../../core/smcp-version-of';

export const smcpKialiNeedsPrometheus: Rule = {
  meta: {
    id: 'smcp-kiali-needs-prometheus',
    category: 'invalid',
    severity: 'error',
    appliesTo: SMCP_V2,
    fixable: false,
    summary: 'The Kiali add-on needs the Prometheus add-on.',
  },
  check(context) {
    const root = context.resource.root;
    if (scalarValue(getNode(root, ['spec', 'addons', 'kiali', 'enabled'])) !== true) return;
    const prometheus = getNode(root, ['spec', 'addons', 'prometheus', 'enabled']);
    const span = nodeSpan(prometheus);
    if (scalarValue(prometheus) !== false || !span) return;
    // From v2.4 a Kiali the user installed (named in kiali.name) may read another Prometheus.
    const newer = atLeast(effectiveSmcpVersion(context), 'v2.4');
    if (newer && scalarText(getNode(root, ['spec', 'addons', 'kiali', 'name']))) return;
    context.report({
      span,
      message:
        l10n.t('Kiali reads the mesh\'s metrics from the Prometheus add-on, so the control plane fails to reconcile with Kiali on and Prometheus off (".spec.addons.prometheus.enabled must be true when .spec.addons.kiali.enabled is true{0}"). Enable Prometheus or disable Kiali.', newer ? ' and spec.addons.kiali.name is not specified' : ''),
    });
  },
};
