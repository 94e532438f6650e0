/** Shared facts about the namespace and pod injection labels. */
export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';
export const INJECTION_VALUES = ['enabled', 'disabled'];

/** DNS-1035 label: what Kubernetes requires of a revision (it names services and webhooks). */
export function isDns1035Label(text: string): boolean {
  return text.length > 0 && text.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(text);
}
