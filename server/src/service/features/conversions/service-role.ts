import type { ResourceIdentity } from '../../core/resources';
import { emitYaml, GeneratedComment } from './emit';
import { carriedMetadata, isPlainObject, listAt, textAt } from './resource-values';
import type { Conversion, ConversionInput, ConversionResult, SiblingSection } from './types';
import * as l10n from '@vscode/l10n';

/**
 * ServiceRole + ServiceRoleBinding (rbac.istio.io/v1alpha1, in the same
 * file, joined by `roleRef`) → one AuthorizationPolicy per binding: the
 * binding's subjects become `from` (and `when` for claims), the role's rules
 * become `to`. Offered on the role or any of its bindings; the whole group
 * is replaced.
 */
export const serviceRoleConversion: Conversion = {
  id: 'service-role-to-authorization-policy',
  appliesTo: (r) => r.group === 'rbac.istio.io' && (r.kind === 'ServiceRole' || r.kind === 'ServiceRoleBinding'),
  convert(input: ConversionInput): ConversionResult | undefined {
    const { resource, sections } = input;
    const roleName = resource.kind === 'ServiceRole' ? resource.name : textAt(resource, ['spec', 'roleRef', 'name']);
    const namespace = resource.namespace;
    const role = sections.find((s) => isKind(s, 'ServiceRole') && s.resource!.name === roleName && s.resource!.namespace === namespace);
    const bindings = sections.filter(
      (s) => isKind(s, 'ServiceRoleBinding') && s.resource!.namespace === namespace && textAt(s.resource!, ['spec', 'roleRef', 'name']) === roleName,
    );
    if (!role || bindings.length === 0) return undefined;
    const documents = bindings.map((b) => authorizationPolicy(role.resource!, b.resource!));
    const consumed = [role, ...bindings].map((s) => s.index).filter((i) => i !== input.index);
    return { title: l10n.t('Convert ServiceRole {0} and its bindings to AuthorizationPolicy (security.istio.io/v1beta1)', roleName ?? ''), documents, consumed };
  },
};

function isKind(section: SiblingSection, kind: string): boolean {
  return section.resource?.group === 'rbac.istio.io' && section.resource.kind === kind;
}

interface Source {
  readonly source?: Record<string, unknown>;
  readonly when: Record<string, unknown>[];
}

/** v1alpha1 subject properties that became source fields; the rest become `when` conditions. */
const SOURCE_PROPERTIES: Record<string, string> = {
  'source.namespace': 'namespaces',
  'source.ip': 'ipBlocks',
  'source.principal': 'principals',
  'request.auth.principal': 'requestPrincipals',
};

function subjectSource(subject: Record<string, unknown>): Source {
  const source: Record<string, unknown> = {};
  const when: Record<string, unknown>[] = [];
  // `user: "*"` matched everyone, authenticated or not: no `from` at all.
  if (typeof subject.user === 'string' && subject.user !== '*') source.principals = [subject.user];
  if (typeof subject.group === 'string' && subject.group !== '*') when.push({ key: 'request.auth.claims[groups]', values: [subject.group] });
  for (const [key, value] of Object.entries(isPlainObject(subject.properties) ? subject.properties : {})) {
    const field = SOURCE_PROPERTIES[key];
    if (field) source[field] = [String(value)];
    else when.push({ key, values: [String(value)] });
  }
  return { source: Object.keys(source).length > 0 ? source : undefined, when };
}

function operationOf(rule: Record<string, unknown>): Record<string, unknown> | undefined {
  const operation: Record<string, unknown> = {};
  for (const key of ['methods', 'notMethods', 'paths', 'notPaths', 'ports', 'notPorts']) {
    const value = rule[key];
    if (!Array.isArray(value) || value.length === 0) continue;
    // `"*"` matched everything, which an absent field also does.
    if (value.length === 1 && value[0] === '*') continue;
    operation[key] = key.endsWith('orts') ? value.map(String) : value;
  }
  return Object.keys(operation).length > 0 ? operation : undefined;
}

function authorizationPolicy(role: ResourceIdentity, binding: ResourceIdentity): string {
  const roleRules = listAt(role, ['spec', 'rules']).filter(isPlainObject);
  const subjects = listAt(binding, ['spec', 'subjects']).filter(isPlainObject).map(subjectSource);
  const services = [...new Set(roleRules.flatMap((r) => (Array.isArray(r.services) ? r.services.map(String) : [])))];
  const rules: Record<string, unknown>[] = [];
  for (const roleRule of roleRules) {
    const operation = operationOf(roleRule);
    const constraints = (Array.isArray(roleRule.constraints) ? roleRule.constraints : []).filter(isPlainObject).map((c) => ({ key: c.key, values: c.values }));
    for (const subject of subjects.length > 0 ? subjects : [{ when: [] }]) {
      const rule: Record<string, unknown> = {};
      if (subject.source) rule.from = [{ source: subject.source }];
      if (operation) rule.to = [{ operation }];
      const when = [...subject.when, ...constraints];
      if (when.length > 0) rule.when = when;
      rules.push(rule);
    }
  }
  const spec: Record<string, unknown> = {};
  const comments: GeneratedComment[] = [];
  const specific = services.filter((s) => s !== '*');
  const single = specific.length === 1 && services.length === 1 ? specific[0].split('.')[0] : undefined;
  if (single) {
    spec.selector = { matchLabels: { app: single } };
    comments.push({ path: ['spec', 'selector', 'matchLabels', 'app'], before: `placeholder: use the pod labels of service ${specific[0]}` });
  }
  spec.action = 'ALLOW';
  spec.rules = rules;
  if (specific.length > 1 || (specific.length === 1 && !single)) {
    comments.push({
      path: ['spec', 'action'],
      before: [
        `ServiceRole ${role.name} covered: ${specific.join(', ')}.`,
        'Without a selector this policy applies to every workload in the namespace: add spec.selector,',
        'one policy per workload if they differ.',
      ],
    });
  }
  const metadata = carriedMetadata(binding);
  return emitYaml({ apiVersion: 'security.istio.io/v1beta1', kind: 'AuthorizationPolicy', metadata, spec }, comments, [
    `ServiceRole ${role.name} bound by ServiceRoleBinding ${binding.name}.`,
  ]);
}
