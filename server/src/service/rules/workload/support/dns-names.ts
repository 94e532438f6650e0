/**
 * The name formats the Kubernetes API server enforces on object metadata
 * (k8s.io/apimachinery validation): a namespace is a DNS-1123 label, most
 * object names (every custom resource's) a DNS-1123 subdomain.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const LABEL_MAX = 63;
export const SUBDOMAIN_MAX = 253;

export type NameFormat = 'label' | 'subdomain';

/** Why a value is not a valid name of that format, or undefined when it is. */
export type NameProblem = 'too-long' | 'characters';

export function nameProblem(value: string, format: NameFormat): NameProblem | undefined {
  if (format === 'label') {
    if (value.length > LABEL_MAX) return 'too-long';
    return LABEL.test(value) ? undefined : 'characters';
  }
  if (value.length > SUBDOMAIN_MAX) return 'too-long';
  // A subdomain is labels joined by dots; each label follows the label pattern (length is checked as a whole).
  return value.split('.').every((part) => LABEL.test(part)) ? undefined : 'characters';
}
