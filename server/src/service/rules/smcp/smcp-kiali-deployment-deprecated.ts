import { getPair, keySpan } from '../../core/ast';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';
import * as l10n from '@vscode/l10n';

export const smcpKialiDeploymentDeprecated: Rule = {
  meta: {
    id: 'smcp-kiali-deployment-deprecated',
    category: 'deprecated',
    severity: 'warning',
    appliesTo: SMCP_V2,
    fixable: false,
    deprecated: true,
    summary: '`spec.addons.kiali.install.deployment` is deprecated; use `spec.runtime.components.kiali`.',
  },
  check(context) {
    const pair = getPair(context.resource.root, ['spec', 'addons', 'kiali', 'install', 'deployment']);
    const span = pair && keySpan(pair);
    if (!span) return;
    context.report({
      span,
      message: l10n.t('`kiali.install.deployment` is deprecated: set Kiali\'s replicas, resources, node selectors and tolerations under `spec.runtime.components.kiali` (`deployment`, `pod`, `container`).'),
    });
  },
};
