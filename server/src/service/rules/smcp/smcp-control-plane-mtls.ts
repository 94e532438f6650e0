import * as l10n from '@vscode/l10n';
import { getPair, keySpan } from '../../core/ast';
import { effectiveSmcpVersion } from '../../core/smcp-version-of';
import { below } from '../../core/versions';
import type { Rule } from '../types';
import { SMCP_V2 } from './support/scope';

export const smcpControlPlaneMtls: Rule = {
  meta: {
    id: 'smcp-control-plane-mtls',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.0' },
    // About the control plane as written: a v1.x one still uses the field for itself.
    gate: { from: 'since', on: 'current' },
    fixable: false,
    summary: '`spec.security.controlPlane.mtls` only configures connections to Mixer on v2.x.',
  },
  check(context) {
    const version = effectiveSmcpVersion(context);
    const pair = getPair(context.resource.root, ['spec', 'security', 'controlPlane', 'mtls']);
    const span = pair && keySpan(pair);
    if (!span) return;
    context.report({
      span,
      message:
        below(version, 'v2.1')
          ? l10n.t('`controlPlane.mtls` does not secure istiod: from v2.0 istiod always serves over TLS, and this field only configures connections to Mixer. For mutual TLS between workloads use `spec.security.dataPlane.mtls`.')
          : l10n.t('`controlPlane.mtls` does not secure istiod: from v2.0 istiod always serves over TLS, and this field only configures connections to Mixer, which {0} no longer has, so it has no effect. For mutual TLS between workloads use `spec.security.dataPlane.mtls`.', version.name),
    });
  },
};
