import * as l10n from '@vscode/l10n';
import { asSeq, getNode, getPair, nodeSpan, scalarText } from '../../core/ast';
import type { Rule, RuleContext } from '../types';

/**
 * Where OperatorHub installs the Service Mesh operator for all namespaces, the
 * only install mode it supports. A cluster that installed it elsewhere can turn
 * this rule off.
 */
const OPERATOR_NAMESPACE = 'openshift-operators';

export const smcpOperatorNamespace: Rule = {
  meta: {
    id: 'smcp-operator-namespace',
    category: 'invalid',
    severity: 'warning',
    appliesTo: { groups: ['maistra.io'], kinds: ['ServiceMeshControlPlane', 'ServiceMeshMemberRoll', 'ServiceMeshMember'] },
    fixable: false,
    summary: 'A control plane, member roll or member in `openshift-operators`, where the operator runs, or that namespace listed as a member.',
  },
  check(context: RuleContext) {
    const { kind, namespace } = context.resource;
    if (namespace === OPERATOR_NAMESPACE) {
      const span = nodeSpan(getPair(context.resource.root, ['metadata', 'namespace'])?.value);
      if (span) context.report({ span, message: inOperatorNamespace(kind ?? '') });
    }
    if (kind !== 'ServiceMeshMemberRoll') return;
    for (const item of asSeq(getNode(context.resource.root, ['spec', 'members']))?.items ?? []) {
      const span = nodeSpan(item);
      if (scalarText(item) !== OPERATOR_NAMESPACE || !span) continue;
      context.report({
        span,
        message: l10n.t('`{0}` is where the Service Mesh operator runs (when installed from OperatorHub), and the webhook keeps it out of every mesh ("namespace where operator is installed cannot be added to any mesh"). Remove it.', OPERATOR_NAMESPACE),
      });
    }
  },
};

function inOperatorNamespace(kind: string): string {
  switch (kind) {
    case 'ServiceMeshControlPlane':
      return l10n.t('`{0}` is where the Service Mesh operator runs (when installed from OperatorHub); the webhook refuses a control plane there ("service mesh may not be installed in the same project/namespace as the operator"). Use a namespace of its own, such as `istio-system`.', OPERATOR_NAMESPACE);
    case 'ServiceMeshMemberRoll':
      return l10n.t('`{0}` is where the Service Mesh operator runs (when installed from OperatorHub); the webhook refuses a member roll there ("ServiceMeshMemberRoll may not be created in the same project/namespace as the operator"). Put it in the control plane\'s namespace.', OPERATOR_NAMESPACE);
    default:
      return l10n.t('`{0}` is where the Service Mesh operator runs (when installed from OperatorHub); the webhook keeps it out of every mesh ("namespace where operator is installed cannot be added to any mesh").', OPERATOR_NAMESPACE);
  }
}
