/** Shared facts about the namespace and pod injection labels. */
export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';
export const INJECTION_VALUES = ['enabled', 'disabled'];

/**
 * DNS-1123 label: what Istio requires of a revision. A leading digit is allowed
 * (revisions such as `1-20-8` are common), unlike a DNS-1035 label.
 */
export function isDns1123Label(text: string): boolean {
  return text.length > 0 && text.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(text);
}
