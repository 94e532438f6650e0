import { isScalar } from 'yaml';
import { getNode, getPair, nodeSpan } from '../../../core/ast';
import type { ParsedSection } from '../../../core/documents';
import type { ResourceIdentity } from '../../../core/resources';

/**
 * `spec.version` as the user wrote it. The source text matters: YAML reads
 * an unquoted `2.0` as the number 2, and the message should show `2.0`.
 */
export interface VersionField {
  readonly text: string;
  readonly span: [number, number];
}

export function versionField(section: ParsedSection, resource: ResourceIdentity): VersionField | undefined {
  const node = getNode(resource.root, ['spec', 'version']);
  const span = nodeSpan(node);
  if (!span || !getPair(resource.root, ['spec', 'version'])) return undefined;
  if (isScalar(node) && typeof node.value === 'string') return { text: node.value, span };
  return { text: section.text.slice(span[0], span[1]), span };
}

/** `version:`, `version: null` and `version: ~` leave the version to the operator, as a missing key does. */
export function isUnsetVersion(field: VersionField | undefined): boolean {
  return !field || field.text === '' || field.text === 'null' || field.text === '~';
}
