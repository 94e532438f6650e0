import { asMap, asSeq, getNode, nodeSpan } from '../../core/ast';
import { isScalar } from 'yaml';
import type { Rule, RuleContext } from '../types';
import { findPlaceholder } from '../../core/placeholders';
import * as l10n from '@vscode/l10n';

const AUTHORIZATION_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'];
const ROUTE_KINDS = ['http', 'tcp', 'tls'];

/** A string value somewhere in a resource, with the field path the message names. */
interface Reference {
  readonly node: unknown;
  readonly field: string;
}

/** Values of a list field (`hosts: [a, b]`), each named by the field. */
function listItems(node: unknown, field: string): Reference[] {
  return (asSeq(node)?.items ?? []).map((item) => ({ node: item, field }));
}

function authorizationPolicyReferences(root: unknown): Reference[] {
  const found: Reference[] = [];
  for (const rule of asSeq(getNode(root, ['spec', 'rules']))?.items ?? []) {
    for (const from of asSeq(getNode(rule, ['from']))?.items ?? []) {
      const source = asMap(getNode(from, ['source']));
      for (const field of AUTHORIZATION_FIELDS) found.push(...listItems(getNode(source, [field]), `source.${field}`));
    }
  }
  return found;
}

function virtualServiceReferences(root: unknown): Reference[] {
  const found = listItems(getNode(root, ['spec', 'hosts']), 'hosts');
  for (const kind of ROUTE_KINDS) {
    for (const route of asSeq(getNode(root, ['spec', kind]))?.items ?? []) {
      for (const destination of asSeq(getNode(route, ['route']))?.items ?? []) {
        found.push({ node: getNode(destination, ['destination', 'host']), field: 'destination.host' });
      }
      if (kind === 'http') {
        found.push({ node: getNode(route, ['mirror', 'host']), field: 'mirror.host' });
        for (const mirror of asSeq(getNode(route, ['mirrors']))?.items ?? []) {
          found.push({ node: getNode(mirror, ['destination', 'host']), field: 'mirrors.destination.host' });
        }
      }
    }
  }
  return found;
}

const READERS: Record<string, (root: unknown) => Reference[]> = {
  AuthorizationPolicy: authorizationPolicyReferences,
  VirtualService: virtualServiceReferences,
  DestinationRule: (root) => [{ node: getNode(root, ['spec', 'host']), field: 'host' }],
};

/**
 * A principal, namespace or host is compared with what traffic carries, as
 * text: `cluster.local/ns/<namespace>/sa/app` or `reviews.$NS.svc` never
 * equals anything real, so the rule (or route) silently does nothing.
 */
export const unresolvedPlaceholder: Rule = {
  meta: {
    id: 'unresolved-placeholder',
    category: 'invalid',
    severity: 'warning',
    appliesTo: { groups: ['security.istio.io', 'networking.istio.io'], kinds: Object.keys(READERS) },
    fixable: false,
    summary: 'A placeholder (`<namespace>`, `$NS`, `${NAME}`) never filled in inside an AuthorizationPolicy principal or namespace, or a VirtualService/DestinationRule host: it never matches.',
  },
  check(context: RuleContext) {
    const read = READERS[context.resource.kind ?? ''];
    if (!read) return;
    for (const { node, field } of read(context.resource.root)) {
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const placeholder = findPlaceholder(node.value);
      const span = nodeSpan(node);
      if (!placeholder || !span) continue;
      context.report({
        span,
        message: l10n.t('`{0}` in `{1}` looks like a placeholder that was never filled in. Istio compares this value as written, so in this {2} it never matches anything. Put the real value in, or run the substitution step before applying the file.', placeholder, field, context.resource.kind ?? ''),
      });
    }
  },
};
