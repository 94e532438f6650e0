import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { ParsedFile, SectionRef } from '../core/documents';
import { ENGINE_CODES } from '../rules/engine-rules';
import type { Severity, SectionEdit } from '../rules/types';
import type { MeshVersion } from '../core/versions';
import { CONVERSIONS } from './conversions';
import { conversionEdits } from './conversions/apply';
import { nextVersionUpgrade } from './conversions/upgrade-version';
import { applyVerified, shiftEdits } from './verified-edits';
import { fixAllText, FixHost, safeFix } from './fix-all';
import { disableInDocumentEdit, disableNextLineEdit } from '../edits/suppression-edits';
import * as l10n from '@vscode/l10n';

export const FIX_ALL_KIND = 'source.fixAll.meshConfig';
export const SHOW_DOCS_COMMAND = 'meshConfig.showRuleDocumentation';

/** What code actions need from the language service, besides fix-all's needs. */
export interface CodeActionHost extends FixHost {
  isKnownRule(id: string): boolean;
  target(file: ParsedFile): MeshVersion;
  /** Severities of every finding in a section's text, analysed for `target`. */
  severitiesAt(sectionText: string, target: MeshVersion): Severity[];
}

export interface CodeActionRequest {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  /**
   * The client asks for an action's edit when the user picks it
   * (codeAction/resolve), so the costly per-rule fix-all edits are left out
   * here and computed by `resolveCodeAction`.
   */
  readonly resolveEdits?: boolean;
}

/** Marks a per-rule fix-all whose edit `resolveCodeAction` fills in. */
interface FixAllRuleData {
  readonly meshConfigFixAllRule: string;
  /** codeAction/resolve names no document, so the action carries it. */
  readonly uri: string;
}

function isFixAllRuleData(data: unknown): data is FixAllRuleData {
  return typeof data === 'object' && data !== null && typeof (data as FixAllRuleData).meshConfigFixAllRule === 'string';
}

export function codeActionsFor(host: CodeActionHost, request: CodeActionRequest): CodeAction[] {
  const { only, uri } = request;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const file = host.parse(uri, request.version, request.text);
  const actions: CodeAction[] = [];

  // Fix-all on save is asked for by kind; a plain lightbulb request does not list it.
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(host, file);
    if (edits.length > 0) actions.push({ title: l10n.t('Fix all Mesh Config problems'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  if (wants(CodeActionKind.QuickFix)) for (const action of quickFixes(host, file, request.diagnostics, request.resolveEdits ?? false)) actions.push(action);
  if (wants(CodeActionKind.RefactorRewrite)) actions.push(...rewrites(host, file, request.range));
  return actions;
}

/** Every safe fix in the file, as one minimal edit. */
export function fixAllEdits(host: FixHost, file: ParsedFile, ruleId?: string): TextEdit[] {
  const result = fixAllText(host, file.uri, file.text, ruleId);
  return minimalEdit(file, result.text);
}

/** Fills in the edit of an action `codeActionsFor` left unresolved; other actions come back as they are. */
export function resolveCodeAction(host: FixHost, file: ParsedFile, action: CodeAction): CodeAction {
  if (action.edit || !isFixAllRuleData(action.data) || action.data.uri !== file.uri) return action;
  return { ...action, edit: { changes: { [file.uri]: fixAllEdits(host, file, action.data.meshConfigFixAllRule) } } };
}

function quickFixes(host: CodeActionHost, file: ParsedFile, diagnostics: readonly Diagnostic[], resolveEdits: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  const perRuleOffered = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const ruleId = diagnostic.code;
    if (!host.isKnownRule(ruleId)) continue;
    const section = host.sectionFor(file, diagnostic);
    const fixes = host.fixesFor(file, diagnostic);
    for (const fix of fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred ?? false,
        edit: { changes: { [file.uri]: toTextEdits(file, section, fix.edits) } },
      });
    }
    if (safeFix(fixes) && !perRuleOffered.has(ruleId)) {
      perRuleOffered.add(ruleId);
      const perRule = ruleFixAll(host, file, ruleId, diagnostic, resolveEdits);
      if (perRule) actions.push(perRule);
    }
    if (ruleId === ENGINE_CODES.fileTooLarge) continue;
    actions.push(...suppressionActions(file, section, diagnostic, ruleId));
  }
  return actions;
}

/** "Fix all '<rule>' problems in this file", when that rule has more than one safe fix here. */
function ruleFixAll(host: CodeActionHost, file: ParsedFile, ruleId: string, diagnostic: Diagnostic, resolveEdits: boolean): CodeAction | undefined {
  // Two safe fixes are enough to offer it; computing the rest is the resolve's job.
  let fixable = 0;
  for (const d of host.diagnostics(file.uri, file.version, file.text)) {
    if (d.code === ruleId && safeFix(host.fixesFor(file, d)) !== undefined && ++fixable === 2) break;
  }
  if (fixable < 2) return undefined;
  const action: CodeAction = { title: l10n.t('Fix all \'{0}\' problems in this file', ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  // Two safe fixes of the rule always change the file, so the deferred edit cannot come back empty.
  if (resolveEdits) return { ...action, data: { meshConfigFixAllRule: ruleId, uri: file.uri } satisfies FixAllRuleData };
  const edits = fixAllEdits(host, file, ruleId);
  return edits.length === 0 ? undefined : { ...action, edit: { changes: { [file.uri]: edits } } };
}

/** Findings reported outside the engine's suppression handling: a disable comment would silence nothing. */
const UNSUPPRESSIBLE: ReadonlySet<string> = new Set([ENGINE_CODES.invalidTargetComment, ENGINE_CODES.documentTooComplex]);

function suppressionActions(file: ParsedFile, section: SectionRef, diagnostic: Diagnostic, ruleId: string): CodeAction[] {
  const actions: CodeAction[] = [];
  if (!UNSUPPRESSIBLE.has(ruleId)) {
    const line = diagnostic.range.start.line - section.startLine;
    const disables = [
      { title: l10n.t('Disable {0} for this line', ruleId), edit: disableNextLineEdit(section, line, ruleId) },
      { title: l10n.t('Disable {0} for this document', ruleId), edit: disableInDocumentEdit(section, ruleId) },
    ];
    for (const { title, edit } of disables) {
      // A comment line inside a multi-line plain scalar ends it and breaks the YAML: offer only what still parses.
      if (!applyVerified(file.text, shiftEdits([edit], section.startOffset), { sections: file.sections }).ok) continue;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [file.uri]: toTextEdits(file, section, [edit]) } } });
    }
  }
  actions.push({
    title: l10n.t('Show documentation for {0}', ruleId),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: l10n.t('Show documentation for {0}', ruleId), command: SHOW_DOCS_COMMAND, arguments: [ruleId] },
  });
  return actions;
}

/** Conversions of every resource the range touches, and the SMCP version step. */
function rewrites(host: CodeActionHost, file: ParsedFile, range: Range): CodeAction[] {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const touched = file.sections.filter((s) => s.startOffset <= end && start < Math.max(s.endOffset, s.startOffset + 1));
  const actions: CodeAction[] = [];
  const target = host.target(file);
  const sections = file.sections.map((s) => ({ index: s.index, section: s.parsed, resource: s.parsed.resource }));
  for (const ref of touched) {
    const resource = ref.parsed.resource;
    if (!resource || ref.parsed.doc.errors.length > 0) continue;
    for (const conversion of CONVERSIONS) {
      if (!conversion.appliesTo(resource)) continue;
      const result = conversion.convert({ section: ref.parsed, resource, index: ref.index, sections, target });
      const edits = result && conversionEdits(file, ref, result, resource.kind ?? 'resource');
      if (!result || !edits || !applyVerified(file.text, edits, { sections: file.sections }).ok) continue;
      actions.push({ title: result.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [file.uri]: edits.map((e) => absoluteEdit(file, e)) } } });
    }
    const upgrade = upgradeAction(host, file, ref, start - ref.startOffset, end - ref.startOffset);
    if (upgrade) actions.push(upgrade);
  }
  return actions;
}

/** Offered on `spec.version` when the SMCP, moved one minor up, has no error-severity finding. */
function upgradeAction(host: CodeActionHost, file: ParsedFile, ref: SectionRef, start: number, end: number): CodeAction | undefined {
  const resource = ref.parsed.resource;
  const upgrade = resource && nextVersionUpgrade(resource);
  if (!upgrade) return undefined;
  const lines = ref.parsed.lines;
  const first = lines.positionAt(upgrade.span[0]).line;
  const last = lines.positionAt(upgrade.span[1]).line;
  if (lines.positionAt(end).line < first || lines.positionAt(start).line > last) return undefined;
  const upgraded = applyVerified(file.text, shiftEdits([upgrade.edit], ref.startOffset), { sections: file.sections });
  if (!upgraded.ok) return undefined;
  const region = upgraded.text.slice(ref.startOffset, ref.endOffset + upgraded.text.length - file.text.length);
  if (host.severitiesAt(region, upgrade.to).includes('error')) return undefined;
  return {
    title: l10n.t('Upgrade to {0} (next version)', upgrade.to.name),
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [file.uri]: toTextEdits(file, ref, [upgrade.edit]) } },
  };
}

function absoluteEdit(file: ParsedFile, edit: SectionEdit): TextEdit {
  return { range: file.lines.rangeOf(edit.start, edit.end), newText: edit.newText };
}

export function toTextEdits(file: ParsedFile, section: SectionRef, edits: readonly SectionEdit[]): TextEdit[] {
  return edits.map((e) => ({
    range: file.lines.rangeOf(section.startOffset + e.start, section.startOffset + e.end),
    newText: e.newText,
  }));
}

/** One edit covering only the span where the file and `after` differ. */
export function minimalEdit(file: ParsedFile, after: string): TextEdit[] {
  const before = file.text;
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // Never split a CRLF: positions between \r and \n do not exist for editors.
  if (start > 0 && before[start - 1] === '\r') start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  if (before[endBefore] === '\n' && before[endBefore - 1] === '\r') {
    endBefore++;
    endAfter++;
  }
  return [{ range: file.lines.rangeOf(start, endBefore), newText: after.slice(start, endAfter) }];
}
