import { hasPatchDirective } from '../../../core/templates';
import type { RuleContext } from '../../types';

/**
 * Rules about fields that are absent ("spec.version is unset") say nothing
 * about a kustomize patch: there an absent field means "leave it as it is".
 */
export function isPatch(context: Pick<RuleContext, 'section'>): boolean {
  return hasPatchDirective(context.section.text);
}
