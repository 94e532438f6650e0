import type { ParsedSection } from '../../../core/documents';
import { nodeSpan } from '../../../core/ast';
import type { SectionEdit } from '../../types';

/**
 * Replaces a plain or quoted scalar's text, keeping its quotes: users who
 * quoted `"envoy.router"` get `"envoy.filters.http.router"` back. Block
 * scalars and anything else unusual get no edit (so no fix is offered).
 */
export function replaceScalarText(section: ParsedSection, node: unknown, newText: string): SectionEdit | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  const original = section.text.slice(span[0], span[1]);
  const first = original[0];
  if (first === '"' || first === "'") {
    if (original.length < 2 || original[original.length - 1] !== first) return undefined;
    return { start: span[0] + 1, end: span[1] - 1, newText };
  }
  if (first === '|' || first === '>' || /[\r\n]/.test(original)) return undefined;
  return { start: span[0], end: span[1], newText };
}
