import {
  CodeAction,
  CompletionList,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { completeInSection } from './features/completion';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl, toDiagnostic } from './features/diagnostics';
import type { TextDocumentInput } from './core/documents';
import { DocumentCache, ParsedFile, ParsedSection, parseSection, sectionAt, SectionRef } from './core/documents';
import { applyVerified, parseRegion, shiftEdits } from './features/verified-edits';
import { CodeActionHost, codeActionsFor, FIX_ALL_KIND, minimalEdit, resolveCodeAction, SHOW_DOCS_COMMAND } from './features/code-actions';
import { fixAllText } from './features/fix-all';
import { hoverInSection } from './features/hover';
import { AnalysisContext, RuleEngine, RuleFailureHandler, RuleFinding } from './rules/engine';
import { buildMeshModel } from './rules/mesh-model';
import { shiftRange } from './core/lines';
import { ENGINE_CODES } from './rules/engine-rules';
import { ALL_RULE_METAS, RULE_IDS, ruleById, RULES } from './rules/registry';
import type { Rule, RuleFix, RuleMeta } from './rules/types';
import { SchemaCatalog, SchemaSource } from './schemas/catalog';
import { YamlSchemaFeatures } from './schemas/yamlls';
import type { PrecompiledValidators } from './schemas/validate';
import { MeshSettings, RawSettings, resolveSettings, SettingsResult } from './core/settings';
import { findTargetOverride } from './core/target';
import { isPatchFile } from './core/templates';
import type { SyntaxErrorScope } from './rules/syntax-scope';
import { sectionSchema } from './schemas/section-schema';
import * as l10n from '@vscode/l10n';

export interface MeshLanguageServiceOptions {
  readonly schemas: SchemaSource;
  readonly rules?: readonly Rule[];
  /** Schema validators compiled at build time; without them schemas are compiled on first use. */
  readonly precompiledValidators?: PrecompiledValidators;
  /**
   * Called once per document for each rule (or 'schema', 'completion', 'hover')
   * that threw; what failed is skipped and everything else still runs.
   */
  readonly onRuleFailure?: (ruleId: string, uri: string, error: unknown) => void;
  /** Whose YAML syntax errors are findings (see rules/syntax-scope.ts); the editor's choice by default. */
  readonly syntaxErrors?: SyntaxErrorScope;
}

export { FIX_ALL_KIND, SHOW_DOCS_COMMAND };
export type { TextDocumentInput };
/** The version scratch parses carry: no editor version is negative. */
const SCRATCH_VERSION = -1;
/** Longest stretch of analysis before the async path lets other work run. */
const YIELD_AFTER_MS = 25;

export interface MeshLanguageService {
  readonly rules: readonly RuleMeta[];
  resolveSettings(raw: RawSettings | undefined): SettingsResult;
  diagnostics(document: TextDocumentInput, settings: MeshSettings): Diagnostic[];
  /**
   * The same diagnostics, computed in slices of at most a few tens of
   * milliseconds; resolves undefined when `isSuperseded` says a newer version exists.
   */
  diagnosticsAsync(
    document: TextDocumentInput,
    settings: MeshSettings,
    isSuperseded: () => boolean,
    sliceMs?: number,
  ): Promise<Diagnostic[] | undefined>;
  completion(document: TextDocumentInput, position: Position, settings: MeshSettings): Promise<CompletionList | null>;
  hover(document: TextDocumentInput, position: Position, settings: MeshSettings): Promise<Hover | null>;
  /** With `context.resolveEdits`, costly edits are left for `resolveCodeAction` (LSP codeAction/resolve). */
  codeActions(
    document: TextDocumentInput,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: string[]; resolveEdits?: boolean },
    settings: MeshSettings,
  ): CodeAction[];
  resolveCodeAction(document: TextDocumentInput, action: CodeAction, settings: MeshSettings): CodeAction;
  /** The document's `---` sections as parsed (from the cache the other features share). */
  sections(document: TextDocumentInput): readonly SectionRef[];
  /**
   * Loads the schemas completion and hover will need for this document's
   * resources, one at a time with other work in between, so the first
   * completion or hover does not wait for them. Stops starting new ones after
   * `budgetMs`; resolves true when every schema the document uses is ready.
   */
  prepareSchemas(document: TextDocumentInput, settings: MeshSettings, budgetMs?: number): Promise<boolean>;
  /**
   * The rule fixes one of this service's diagnostics would be offered as quick
   * fixes (suppressions and docs links aside); `safe` ones are part of fix-all.
   */
  availableFixes(document: TextDocumentInput, diagnostic: Diagnostic, settings: MeshSettings): { title: string; safe: boolean }[];
  /** Every safe fix in the file, applied until nothing more changes. */
  fixAll(document: TextDocumentInput, settings: MeshSettings): { text: string; edits: TextEdit[]; applied: string[] };
  /**
   * Adds or updates a file in the mesh model, which rules across resources and
   * files read (the LSP server gives each open document, the CLI every file of
   * a run before checking any). A document's diagnostics include mesh findings
   * while the model holds its text.
   */
  updateFile(document: TextDocumentInput): void;
  /** Whether the mesh model holds a file of this uri. */
  knows(uri: string): boolean;
  /** Forgets a document: its caches, and its place in the mesh model. */
  close(uri: string): void;
}

export function createMeshLanguageService(options: MeshLanguageServiceOptions): MeshLanguageService {
  const cache = new DocumentCache();
  const rules = options.rules ?? RULES;
  // Rules passed in (tests, embedders) get code actions like registered ones.
  const injected = new Map(rules.map((r) => [r.meta.id, r]));
  let currentUri = '';
  // Failures are reported once per rule (or feature) and document: a rule that
  // throws on every keystroke must not flood the output channel.
  const reported = new Map<string, Set<string>>();
  function reportFailure(id: string, uri: string, error: unknown): void {
    let ids = reported.get(uri);
    if (!ids) reported.set(uri, (ids = new Set()));
    if (ids.has(id)) return;
    ids.add(id);
    options.onRuleFailure?.(id, uri, error);
  }
  async function isolated<T>(what: string, uri: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      reportFailure(what, uri, error);
      return null;
    }
  }
  const catalog = loadCatalog(options.schemas, (error) => reportFailure('schema', 'catalog.json', error));
  const failureHandler: RuleFailureHandler = (ruleId, error) => reportFailure(ruleId, currentUri, error);
  const engine = new RuleEngine(catalog, rules, failureHandler, options.precompiledValidators, options.syntaxErrors);
  let schemaFeatures: YamlSchemaFeatures | undefined;
  const features = () => (schemaFeatures ??= new YamlSchemaFeatures(catalog));

  function parse(document: TextDocumentInput): ParsedFile {
    return cache.get(document.uri, document.version, document.text);
  }

  function tooLarge(document: TextDocumentInput, settings: MeshSettings): boolean {
    return document.text.length > settings.maxFileSizeKB * 1024;
  }

  function contextFor(file: ParsedFile, settings: MeshSettings): AnalysisContext {
    const override = findTargetOverride(file.text);
    return { target: override?.version ?? settings.targetVersion, settings, patchFile: isPatchFile(file.uri) };
  }

  /** The files the mesh model holds (see MeshRule): each file `updateFile` gave, until `close`. */
  const known = new Map<string, TextDocumentInput>();
  let modelRevision = 0;
  function updateFile(document: TextDocumentInput): void {
    const old = known.get(document.uri);
    known.set(document.uri, document);
    // A new version with the same text (the CLI's re-read after a fix that changed nothing) changes no finding.
    if (old?.text !== document.text) modelRevision++;
  }
  function forgetFile(uri: string): void {
    if (known.delete(uri)) modelRevision++;
  }
  let meshMemo: { revision: number; settings: MeshSettings; result: Map<string, Map<number, RuleFinding[]>> } | undefined;
  /** Mesh rule findings over every known file, per uri and section; computed once per change of the model. */
  function meshFindings(settings: MeshSettings): Map<string, Map<number, RuleFinding[]>> {
    if (meshMemo && meshMemo.revision === modelRevision && meshMemo.settings === settings) return meshMemo.result;
    const files = [...known.values()].filter((d) => !tooLarge(d, settings)).map(parse);
    const result = engine.analyseMesh(buildMeshModel(files), { target: settings.targetVersion, settings });
    meshMemo = { revision: modelRevision, settings, result };
    return result;
  }
  /** Related locations as LSP related information, for the files the model holds. */
  function relatedInformation(finding: RuleFinding): DiagnosticRelatedInformation[] {
    const result: DiagnosticRelatedInformation[] = [];
    for (const related of finding.related ?? []) {
      const input = known.get(related.uri);
      const section = input && parse(input).sections[related.section];
      if (!section) continue;
      const range = shiftRange(section.parsed.lines.rangeOf(related.span[0], related.span[1]), section.startLine);
      result.push({ location: { uri: related.uri, range }, message: related.message });
    }
    return result;
  }

  function diagnostics(document: TextDocumentInput, settings: MeshSettings): Diagnostic[] {
    const run = diagnosticsRun(document, settings, true);
    let step = run.next();
    while (!step.done) step = run.next();
    return step.value;
  }

  async function diagnosticsAsync(
    document: TextDocumentInput,
    settings: MeshSettings,
    isSuperseded: () => boolean,
    sliceMs = YIELD_AFTER_MS,
  ): Promise<Diagnostic[] | undefined> {
    const run = diagnosticsRun(document, settings, true);
    let sliceStart = performance.now();
    let step = run.next();
    while (!step.done) {
      if (performance.now() - sliceStart >= sliceMs) {
        // Let other requests (hover, completion, newer edits) in between sections.
        await new Promise((resolve) => setImmediate(resolve));
        if (isSuperseded()) return undefined;
        sliceStart = performance.now();
      }
      step = run.next();
    }
    return step.value;
  }

  /** Analyses section by section, yielding after each so callers can pause. */
  function* diagnosticsRun(document: TextDocumentInput, settings: MeshSettings, withMesh: boolean): Generator<void, Diagnostic[]> {
    if (tooLarge(document, settings)) {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          code: ENGINE_CODES.fileTooLarge,
          codeDescription: { href: ruleDocsUrl(ENGINE_CODES.fileTooLarge) },
          source: DIAGNOSTIC_SOURCE,
          message: l10n.t('This file is larger than meshConfig.maxFileSizeKB ({0} KB), so Mesh Config did not analyse it.', settings.maxFileSizeKB),
        },
      ];
    }
    currentUri = document.uri;
    const file = parse(document);
    const context = contextFor(file, settings);
    const result: Diagnostic[] = [];
    for (const section of file.sections) {
      // Runs of other documents may have interleaved at the last yield: failures belong to this one.
      currentUri = document.uri;
      for (const finding of engine.analyse(section.parsed, context)) result.push(toDiagnostic(finding, section));
      yield;
    }
    const override = findTargetOverride(file.text);
    if (override?.invalidText !== undefined) {
      result.push({
        range: file.lines.rangeOf(override.span[0], override.span[1]),
        severity: DiagnosticSeverity.Warning,
        code: ENGINE_CODES.invalidTargetComment,
        codeDescription: { href: ruleDocsUrl(ENGINE_CODES.invalidTargetComment) },
        source: DIAGNOSTIC_SOURCE,
        message: l10n.t('"{0}" is not a target version; use one of v2.0 … v2.6. Using {1}.', override.invalidText, settings.targetVersion.name),
      });
    }
    // Mesh findings come from the model, and only while the model holds this very text.
    if (!withMesh) return result;
    if (known.get(document.uri)?.text === document.text) {
      for (const [index, findings] of meshFindings(settings).get(document.uri) ?? []) {
        const section = file.sections[index];
        if (!section) continue;
        for (const finding of findings) result.push(toDiagnostic(finding, section, relatedInformation(finding)));
      }
    }
    return remember(document, settings, result);
  }

  /**
   * The last diagnostics computed per document, for code actions that need
   * the whole file's findings: the server has usually just published them.
   */
  const lastDiagnostics = new Map<string, { version: number; text: string; settings: MeshSettings; result: Diagnostic[] }>();
  function remember(document: TextDocumentInput, settings: MeshSettings, result: Diagnostic[]): Diagnostic[] {
    lastDiagnostics.set(document.uri, { version: document.version, text: document.text, settings, result });
    return result;
  }
  function diagnosticsFor(document: TextDocumentInput, settings: MeshSettings): Diagnostic[] {
    const last = lastDiagnostics.get(document.uri);
    if (last && last.version === document.version && last.settings === settings && last.text === document.text) return last.result;
    // Fix-all's intermediate texts are not the document: they stay out of the mesh model.
    const run = diagnosticsRun(document, settings, false);
    let step = run.next();
    while (!step.done) step = run.next();
    return step.value;
  }

  /** Resource findings of a text fix-all is working on: never remembered, never in the mesh model. */
  function scratchDiagnostics(file: ParsedFile, settings: MeshSettings): Diagnostic[] {
    const context = contextFor(file, settings);
    const result: Diagnostic[] = [];
    for (const section of file.sections) {
      for (const finding of engine.analyse(section.parsed, context)) result.push(toDiagnostic(finding, section));
    }
    return result;
  }

  function sectionFor(file: ParsedFile, diagnostic: Diagnostic): SectionRef {
    const index = (diagnostic.data as { section?: unknown } | undefined)?.section;
    const offset = file.lines.offsetAt(diagnostic.range.start);
    const byOffset = sectionAt(file, offset);
    return typeof index === 'number' && file.sections[index] === byOffset ? file.sections[index] : byOffset;
  }

  /** Offered fixes per parsed file and diagnostic: the lightbulb, fix-all and "fixable" ask for the same ones. */
  const fixMemo = new WeakMap<ParsedFile, Map<string, RuleFix[]>>();
  function fixesFor(file: ParsedFile, diagnostic: Diagnostic, settings: MeshSettings): RuleFix[] {
    const rule = typeof diagnostic.code === 'string' ? (ruleById(diagnostic.code) ?? injected.get(diagnostic.code)) : undefined;
    if (!rule?.fix) return [];
    const context = contextFor(file, settings);
    const key = JSON.stringify([context.target.name, settings.rules, diagnostic.code, diagnostic.range, diagnostic.data ?? null]);
    let memo = fixMemo.get(file);
    if (!memo) fixMemo.set(file, (memo = new Map()));
    const known = memo.get(key);
    if (known) return known;
    const section = sectionFor(file, diagnostic);
    const resource = section.parsed.resource;
    if (!resource) return [];
    const start = file.lines.offsetAt(diagnostic.range.start) - section.startOffset;
    const end = file.lines.offsetAt(diagnostic.range.end) - section.startOffset;
    let offered: RuleFix[];
    try {
      const fixes = rule.fix({
        section: section.parsed,
        resource,
        target: context.target,
        span: [start, end],
        data: diagnostic.data as Record<string, unknown> | undefined,
      });
      const ruleId = rule.meta.id;
      const count = (sections: readonly ParsedSection[]) =>
        sections.reduce((n, parsed) => n + engine.analyse(parsed, context).filter((f) => f.ruleId === ruleId).length, 0);
      const before = count([section.parsed]);
      // A fix is offered only when the whole file stays sound and the rule stops reporting there.
      offered = fixes.filter(
        (fix) =>
          applyVerified(file.text, shiftEdits(fix.edits, section.startOffset), {
            sections: file.sections,
            fixed: (touchedText) => count(parseRegion(touchedText)) < before,
          }).ok,
      );
    } catch (error) {
      reportFailure(rule.meta.id, file.uri, error);
      offered = [];
    }
    memo.set(key, offered);
    return offered;
  }

  /** The host for one request: fixes and findings under the request's settings. */
  function hostFor(settings: MeshSettings): CodeActionHost {
    return {
      parse: (uri, version, text) => cache.get(uri, version, text),
      sectionFor,
      isKnownRule: (id) => RULE_IDS.has(id) || injected.has(id),
      diagnostics: (uri, version, text) => diagnosticsFor({ uri, version, text }, settings),
      scratch: (uri, text) => {
        const file = cache.detached(uri, SCRATCH_VERSION, text);
        return { file, diagnostics: scratchDiagnostics(file, settings) };
      },
      fixesFor: (file, diagnostic) => fixesFor(file, diagnostic, settings),
      target: (file) => contextFor(file, settings).target,
      severitiesAt: (text, target) => engine.analyse(parseSection(text), { target, settings }).map((f) => f.severity),
    };
  }

  function codeActions(
    document: TextDocumentInput,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: string[]; resolveEdits?: boolean },
    settings: MeshSettings,
  ): CodeAction[] {
    if (tooLarge(document, settings)) return [];
    currentUri = document.uri;
    return codeActionsFor(hostFor(settings), { ...document, range, diagnostics: context.diagnostics, only: context.only, resolveEdits: context.resolveEdits });
  }

  function fixAll(document: TextDocumentInput, settings: MeshSettings) {
    if (tooLarge(document, settings)) return { text: document.text, edits: [], applied: [] };
    currentUri = document.uri;
    const result = fixAllText(hostFor(settings), document.uri, document.text);
    return { text: result.text, edits: minimalEdit(parse(document), result.text), applied: result.applied };
  }

  return {
    rules: ALL_RULE_METAS,
    resolveSettings: (raw) => resolveSettings(raw, RULE_IDS),
    diagnostics,
    diagnosticsAsync,
    async completion(document, position, settings) {
      if (tooLarge(document, settings)) return null;
      const file = parse(document);
      const section = sectionAt(file, file.lines.offsetAt(position));
      return isolated('completion', document.uri, () => completeInSection(section, position, catalog, features()));
    },
    async hover(document, position, settings) {
      if (tooLarge(document, settings)) return null;
      const file = parse(document);
      const section = sectionAt(file, file.lines.offsetAt(position));
      return isolated('hover', document.uri, () => hoverInSection(section, position, catalog, features()));
    },
    codeActions,
    sections: (document) => parse(document).sections,
    async prepareSchemas(document, settings, budgetMs = Infinity) {
      if (tooLarge(document, settings)) return true;
      const started = performance.now();
      // Many sections share a schema; ask for each one once.
      const asked = new Set<string>();
      for (const section of parse(document).sections) {
        const schema = sectionSchema(section.parsed.resource, catalog);
        const key = schema && `${schema.entry.schemaPath}@${schema.smcpVersion ?? ''}`;
        if (!schema || !key || asked.has(key)) continue;
        asked.add(key);
        if (performance.now() - started > budgetMs) return false;
        const loaded = await isolated('schema preparation', document.uri, () => features().prepare(schema.entry, schema.smcpVersion));
        // Let waiting requests run between two schemas.
        if (loaded) await new Promise((resolve) => setImmediate(resolve));
      }
      return true;
    },
    resolveCodeAction(document, action, settings) {
      if (tooLarge(document, settings)) return action;
      currentUri = document.uri;
      return resolveCodeAction(hostFor(settings), parse(document), action);
    },
    availableFixes(document, diagnostic, settings) {
      if (tooLarge(document, settings) || diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
      return fixesFor(parse(document), diagnostic, settings).map((fix) => ({ title: fix.title, safe: fix.safe }));
    },
    fixAll,
    updateFile,
    knows: (uri) => known.has(uri),
    close: (uri) => {
      forgetFile(uri);
      cache.delete(uri);
      lastDiagnostics.delete(uri);
      reported.delete(uri);
    },
  };
}

/** Without a readable catalog there is no schema layer, but every rule still runs. */
function loadCatalog(source: SchemaSource, onFailure: (error: unknown) => void): SchemaCatalog {
  try {
    return new SchemaCatalog(source);
  } catch (error) {
    onFailure(error);
    return new SchemaCatalog({ read: () => JSON.stringify({ resources: [], legacy: [] }) });
  }
}
