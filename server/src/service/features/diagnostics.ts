import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { SectionRef } from '../core/documents';
import { shiftRange } from '../core/lines';
import type { RuleFinding } from '../rules/engine';
import { ruleMeta } from '../rules/registry';
import type { Severity } from '../rules/types';

export const DIAGNOSTIC_SOURCE = 'mesh-config';
export const REPOSITORY_URL = 'https://github.com/mesh-config/mesh-config';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What every mesh-config diagnostic carries in `data`. */
export interface DiagnosticData extends Record<string, unknown> {
  /** Index of the `---` section the finding belongs to. */
  readonly section: number;
}

export function toDiagnostic(finding: RuleFinding, section: SectionRef, related: DiagnosticRelatedInformation[] = []): Diagnostic {
  const meta = ruleMeta(finding.ruleId);
  const range = shiftRange(section.parsed.lines.rangeOf(finding.span[0], finding.span[1]), section.startLine);
  const tags = finding.tags ?? (meta?.deprecated ? [DiagnosticTag.Deprecated] : undefined);
  const data: DiagnosticData = { ...(finding.data ?? {}), section: section.index };
  return {
    range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}
