/**
 * Helm charts and other Go templates put `{{ ... }}` actions into YAML. The
 * text around them is not the YAML the cluster will see, so syntax errors and
 * schema findings there are noise, and a rule can only be trusted on nodes
 * that hold no template action.
 */

/** `{{` that starts a template action (`{{ .Values.x }}`, `{{- if`, `{{include`), not a nested flow mapping of data. */
const ACTION_START = /\{\{(?:-?\s|[-.$/(A-Za-z_])/g;

/** Section-relative spans of template actions, in order; empty (and cheap) for plain YAML. */
export function templateSpans(text: string): Array<readonly [number, number]> {
  if (!text.includes('{{')) return [];
  const spans: Array<readonly [number, number]> = [];
  ACTION_START.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ACTION_START.exec(text)) !== null) {
    const close = text.indexOf('}}', match.index + 2);
    const end = close < 0 ? text.length : close + 2;
    spans.push([match.index, end]);
    ACTION_START.lastIndex = end;
  }
  return spans;
}

/** Whether a finding's span touches any template action. */
export function touchesTemplate(span: readonly [number, number], templates: ReadonlyArray<readonly [number, number]>): boolean {
  const [start, end] = span;
  return templates.some(([s, e]) => (start === end ? s <= start && start <= e : start < e && s < end));
}

/**
 * Kustomize patch directives: a section using one is a fragment of a
 * resource, so fields the full resource needs are expected to be missing.
 */
const DIRECTIVE_KEY = /^\$(?:patch|retainKeys|setElementOrder\/[^\s:"']+|deleteFromPrimitiveList\/[^\s:"']+)$/;
const PATCH_DIRECTIVE = /(?:^|[\s{,])["']?\$(?:patch|retainKeys|setElementOrder\/[^\s:"']+|deleteFromPrimitiveList\/[^\s:"']+)["']?\s*:/m;

export function hasPatchDirective(text: string): boolean {
  return text.includes('$') && PATCH_DIRECTIVE.test(text);
}

/** `$patch`, `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`: keys kustomize consumes. */
export function isPatchDirectiveKey(key: unknown): boolean {
  return typeof key === 'string' && DIRECTIVE_KEY.test(key);
}

/**
 * Files that kustomize projects conventionally use for patches
 * (`smcp-patch.yaml`, `patches/tracing.yaml`): their documents are fragments
 * even when they carry apiVersion, kind and name.
 */
export function isPatchFile(uri: string): boolean {
  const path = decodeURIComponentSafe(uri).replace(/\\/g, '/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  // "patch" as a word of the name (smcp-patch, patch_tls, tracingPatch), not inside one (dispatcher).
  return /(?:^|[^A-Za-z])[Pp]atch|[a-z0-9]Patch/.test(name) || /\/patch(?:es)?\//i.test(path);
}

function decodeURIComponentSafe(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
