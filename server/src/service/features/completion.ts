import * as l10n from '@vscode/l10n';
import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { entries } from '../core/ast';
import { pathAtOffset } from '../core/ast-position';
import type { LineIndex } from '../core/lines';
import type { SectionRef } from '../core/documents';
import { isMeshGroup, SchemaCatalog } from '../schemas/catalog';
import type { YamlSchemaFeatures } from '../schemas/yamlls';
import { isSmcpV2, sectionSchema } from '../schemas/section-schema';
import { versionNote } from '../core/version-notes';
import { hasRecursiveAlias } from '../core/recursive-alias';
import { TARGET_VERSION_NAMES } from '../core/versions';

/**
 * Completion for one section: known apiVersion/kind pairs while a document is
 * still being started, `spec.version` values with notes in an SMCP, and the
 * schema's keys and values (from yaml-language-server) everywhere else in a
 * mesh resource. Other documents get nothing.
 */
export async function completeInSection(
  section: SectionRef,
  position: Position,
  catalog: SchemaCatalog,
  schemaFeatures: YamlSchemaFeatures,
): Promise<CompletionList | null> {
  const parsed = section.parsed;
  const relative: Position = { line: position.line - section.startLine, character: position.character };
  const resource = parsed.resource;
  const offset = parsed.lines.offsetAt(relative);

  if (isStartingDocument(section)) return pairCompletions(section, relative, catalog);

  const schema = sectionSchema(resource, catalog);
  if (!schema || !resource) return null;

  const smcp = isSmcpV2(resource);
  const list = hasRecursiveAlias(parsed.doc)
    ? CompletionList.create([])
    : await schemaFeatures.complete(parsed.text, relative, schema.entry, schema.smcpVersion);
  shiftCompletionList(list, section.startLine, parsed.lines);

  if (smcp) {
    const at = pathAtOffset(parsed.doc.contents, offset) ?? pathAtLineStart(parsed.text, offset);
    if (at && !at.onKey && at.path.length === 2 && at.path[0] === 'spec' && at.path[1] === 'version') {
      const ours = specVersionItems();
      const labels = new Set(ours.map((i) => i.label));
      list.items = [...ours, ...list.items.filter((i) => !labels.has(i.label))];
    }
  }
  return list;
}

/** When the value is still empty, the AST has no node for it; read the line. */
function pathAtLineStart(text: string, offset: number): { path: string[]; onKey: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  if (/^\s+version:\s*\S*$/.test(line) && /\nspec:\s*\n(?:[ \t].*\n)*$/.test('\n' + text.slice(0, lineStart))) {
    return { path: ['spec', 'version'], onKey: false };
  }
  return undefined;
}

function specVersionItems(): CompletionItem[] {
  const newestFirst = [...TARGET_VERSION_NAMES].reverse();
  return newestFirst.map((name, index) => ({
    label: name,
    kind: CompletionItemKind.EnumMember,
    detail: `OpenShift Service Mesh ${name.slice(1)}`,
    documentation: versionNote(name),
    sortText: String(index).padStart(2, '0'),
    insertText: name,
  }));
}

/** True while a section has nothing but (possibly partial) apiVersion/kind. */
function isStartingDocument(section: SectionRef): boolean {
  const resource = section.parsed.resource;
  const root = section.parsed.doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return /^(---)?$/.test(section.parsed.text.replace(/#.*$/gm, '').trim());
  }
  if (!resource) return false;
  for (const [key] of entries(root)) {
    if (key !== 'apiVersion' && key !== 'kind') return false;
  }
  // A complete non-mesh pair (apps/v1 Deployment) is not ours to complete.
  return !(resource.apiVersion && resource.kind && !isMeshGroup(resource.group));
}

function pairCompletions(section: SectionRef, position: Position, catalog: SchemaCatalog): CompletionList {
  const lineText = lineAt(section.parsed.text, position.line);
  const before = lineText.slice(0, position.character);
  const resource = section.parsed.resource;
  const pairs = catalog.entries.map((e) => ({ apiVersion: e.apiVersion, kind: e.kind }));
  const items: CompletionItem[] = [];
  if (/^kind:\s*\S*$/.test(before)) {
    for (const p of pairs.filter((p) => !resource?.apiVersion || p.apiVersion === resource.apiVersion)) {
      items.push({ label: p.kind, kind: CompletionItemKind.Class, detail: p.apiVersion, filterText: p.kind, insertText: p.kind });
    }
    return { isIncomplete: false, items: dedupe(items) };
  }
  if (/^apiVersion:\s*\S*$/.test(before)) {
    for (const p of pairs.filter((p) => !resource?.kind || p.kind === resource.kind)) {
      items.push({ label: p.apiVersion, kind: CompletionItemKind.Module, insertText: p.apiVersion });
    }
    return { isIncomplete: false, items: dedupe(items) };
  }
  if (/^\s*\S*$/.test(before) && !/^\s+/.test(before)) {
    for (const p of pairs) {
      items.push({
        label: `${p.kind} (${p.apiVersion})`,
        kind: CompletionItemKind.Snippet,
        detail: l10n.t('apiVersion and kind'),
        filterText: `${p.kind} ${p.apiVersion}`,
        insertTextFormat: InsertTextFormat.PlainText,
        insertText: `apiVersion: ${p.apiVersion}\nkind: ${p.kind}\n`,
      });
    }
  }
  return { isIncomplete: false, items };
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.label) ? false : (seen.add(i.label), true)));
}

function lineAt(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  return lines[line] ?? '';
}

/**
 * Moves section-relative edits to file lines. Ranges are first clamped to the
 * section's text: yaml-language-server can answer on a whitespace-only line
 * with a range one character past its end, which editors reject.
 */
function shiftCompletionList(list: CompletionList, lineDelta: number, lines: LineIndex): void {
  const fit = <T extends { start: Position; end: Position }>(range: T): T => shift(clamp(range, lines), lineDelta);
  for (const item of list.items) {
    const edit = item.textEdit;
    if (edit && 'range' in edit) {
      edit.range = fit(edit.range);
    } else if (edit && 'insert' in edit) {
      edit.insert = fit(edit.insert);
      edit.replace = fit(edit.replace);
    }
    for (const extra of item.additionalTextEdits ?? []) extra.range = fit(extra.range);
  }
}

function clamp<T extends { start: Position; end: Position }>(range: T, lines: LineIndex): T {
  return { ...range, start: lines.positionAt(lines.offsetAt(range.start)), end: lines.positionAt(lines.offsetAt(range.end)) };
}

function shift<T extends { start: Position; end: Position }>(range: T, delta: number): T {
  if (delta === 0) return range;
  return {
    ...range,
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  };
}

