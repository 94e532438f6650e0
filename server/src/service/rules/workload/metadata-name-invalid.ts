import { isScalar } from 'yaml';
import { getNode, nodeSpan } from '../../core/ast';
import { isMeshGroup } from '../../schemas/catalog';
import type { Rule, RuleContext } from '../types';
import { LABEL_MAX, NameFormat, nameProblem, SUBDOMAIN_MAX } from './support/dns-names';
import { findPlaceholder, isShellVariable, isUpperCasePlaceholder } from '../../core/placeholders';
import * as l10n from '@vscode/l10n';

/** Which metadata field, and the format the API server holds it to. */
const FIELDS: readonly { field: 'name' | 'namespace'; format: NameFormat }[] = [
  // Custom resources (every Istio and Maistra kind) are named by DNS-1123 subdomains.
  { field: 'name', format: 'subdomain' },
  { field: 'namespace', format: 'label' },
];

/**
 * Mesh resources whose `metadata.name` or `metadata.namespace` the API server
 * would reject. Only string values are judged: a number, a list or an alias is
 * a different mistake (or none we can see), and an empty value may be filled
 * in elsewhere (kustomize, `kubectl -n`).
 */
export const metadataNameInvalid: Rule = {
  meta: {
    id: 'metadata-name-invalid',
    category: 'invalid',
    severity: 'error',
    appliesTo: {},
    fixable: false,
    summary: '`metadata.name` that is not a DNS-1123 subdomain or `metadata.namespace` that is not a DNS-1123 label (often a placeholder such as `<tenant>` or `$NAMESPACE` never filled in); the API server rejects the resource.',
  },
  check(context: RuleContext) {
    if (!isMeshGroup(context.resource.group)) return;
    for (const { field, format } of FIELDS) {
      const node = getNode(context.resource.root, ['metadata', field]);
      if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') continue;
      const value = node.value;
      const span = nodeSpan(node);
      const problem = nameProblem(value, format);
      if (!span || !problem || value.includes('{{')) continue;
      // `$NAME` and `${NAME}` are what envsubst-style deploy steps fill in before applying: the file alone cannot
      // tell whether one runs, so that is a warning; other invalid names are rejected as they stand.
      const substituted = isShellVariable(findPlaceholder(value));
      context.report({ span, message: describe(field, format, value, problem), ...(substituted ? { severity: 'warning' as const } : {}) });
    }
  },
};

function describe(field: 'name' | 'namespace', format: NameFormat, value: string, problem: 'too-long' | 'characters'): string {
  const placeholder = findPlaceholder(value) ?? (isUpperCasePlaceholder(value) ? value : undefined);
  if (placeholder !== undefined) {
    return l10n.t('`metadata.{0}` holds `{1}`, a placeholder that was never filled in; the API server rejects the resource. Put the real {0} here, or run the substitution step before applying the file.', field, placeholder);
  }
  if (problem === 'too-long') {
    const max = format === 'label' ? LABEL_MAX : SUBDOMAIN_MAX;
    return l10n.t('`metadata.{0}` is {1} characters long; the API server accepts at most {2} and rejects the resource.', field, value.length, max);
  }
  return format === 'label'
    ? l10n.t('`{0}` is not a valid namespace name: a DNS-1123 label (lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 63 characters). The API server rejects the resource.', value)
    : l10n.t('`{0}` is not a valid name: a DNS-1123 subdomain (lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit, at most 253 characters). The API server rejects the resource.', value);
}
