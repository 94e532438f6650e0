import { codePoint, ParsedSection } from '../core/documents';
import type { ResourceIdentity } from '../core/resources';
import { SchemaCatalog } from '../schemas/catalog';
import { PrecompiledValidators, SCHEMA_CODES, SchemaFinding, SchemaValidator } from '../schemas/validate';
import type { MeshSettings } from '../core/settings';
import { MeshVersion } from '../core/versions';
import { ENGINE_CODES } from './engine-rules';
import { MESH_RULES, RULE_IDS, RULES, ruleMeta } from './registry';
import { findSuppressions, isSuppressed } from './suppressions';
import type { Finding, MeshModel, MeshResource, MeshRule, Rule, RuleScope, Severity } from './types';
import { effectiveSmcpVersion, smcpVersionOf } from '../core/smcp-version-of';
import { gateOpen } from './version-gate';
import { hasPatchDirective, isPatchDirectiveKey, templateSpans, touchesTemplate } from '../core/templates';
import * as l10n from '@vscode/l10n';
import { reportsSyntaxErrors, SyntaxErrorScope } from './syntax-scope';

/** A finding with its rule id and final severity, still section-relative. */
export interface RuleFinding extends Finding {
  readonly ruleId: string;
  readonly severity: Severity;
}

export interface AnalysisContext {
  readonly target: MeshVersion;
  readonly settings: MeshSettings;
  /** The file is a kustomize patch: its documents are fragments (see templates.ts). */
  readonly patchFile?: boolean;
}

/** One finding per hidden line break, up to this many per document: enough to find them, not a flood. */
const MAX_HIDDEN_BREAK_FINDINGS = 20;

/** Reports a rule that threw, so it can be logged once and skipped. */
export type RuleFailureHandler = (ruleId: string, error: unknown) => void;

/**
 * Runs the schema layer and every applicable rule over one section. Results
 * are cached on the parsed section, so a section whose text did not change is
 * not analysed again while the target and severities stay the same.
 */
export class RuleEngine {
  private readonly validator: SchemaValidator;
  private readonly cache = new WeakMap<ParsedSection, { key: string; findings: RuleFinding[] }>();

  constructor(
    private readonly catalog: SchemaCatalog,
    private readonly rules: readonly Rule[] = RULES,
    private readonly onRuleFailure: RuleFailureHandler = () => undefined,
    precompiled?: PrecompiledValidators,
    private readonly syntaxScope: SyntaxErrorScope = 'mesh-resources',
  ) {
    this.validator = new SchemaValidator(catalog, precompiled);
  }

  analyse(section: ParsedSection, context: AnalysisContext): RuleFinding[] {
    const key = `${context.target.name}|${context.patchFile ? 'patch' : ''}|${JSON.stringify(context.settings.rules)}`;
    const cached = this.cache.get(section);
    if (cached && cached.key === key) return cached.findings;
    const findings = this.run(section, context);
    this.cache.set(section, { key, findings });
    return findings;
  }

  private run(section: ParsedSection, context: AnalysisContext): RuleFinding[] {
    if (section.unparseable !== undefined) return this.notAnalysed(section, context);
    const raw: { ruleId: string; finding: Finding }[] = [];
    // A templated section is not the YAML the cluster sees: no syntax or schema
    // findings, and rule findings only away from template actions.
    const templates = templateSpans(section.text);
    // Syntax errors come first and do not need an identified resource: broken
    // indentation can swallow the very `kind` line that would identify it.
    if (reportsSyntaxErrors(section, this.syntaxScope, templates.length > 0)) {
      for (const error of section.doc.errors) {
        raw.push({ ruleId: ENGINE_CODES.yamlSyntax, finding: { span: [error.pos[0], error.pos[1]], message: l10n.t('YAML syntax error: {0}', error.message.split('\n')[0]) } });
      }
    }
    const resource = section.resource;
    if (isIdentified(resource)) {
      this.hiddenLineBreaks(section, raw);
      this.checkResource(section, resource, context, templates, raw);
    } else if (raw.length === 0) return [];
    return this.settle(section, context, raw);
  }

  /** NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to the API server that editors show inside a line. */
  private hiddenLineBreaks(section: ParsedSection, raw: { ruleId: string; finding: Finding }[]): void {
    for (const offset of (section.hiddenBreaks ?? []).slice(0, MAX_HIDDEN_BREAK_FINDINGS)) {
      raw.push({
        ruleId: ENGINE_CODES.hiddenLineBreak,
        finding: {
          span: [offset, offset + 1],
          message: l10n.t(
            'U+{0} is a line break for kubectl and the API server, but editors show it inside the line; Mesh Config checks the document as the API server reads it. Use an ordinary line break or remove it.',
            codePoint(section.text, offset),
          ),
        },
      });
    }
  }

  /** Schema validation and every rule in scope, appended to `raw`. */
  private checkResource(
    section: ParsedSection,
    resource: IdentifiedResource,
    context: AnalysisContext,
    templates: ReadonlyArray<readonly [number, number]>,
    raw: { ruleId: string; finding: Finding }[],
  ): void {
    const smcpVersion = smcpVersionOf(resource);
    const versions = { smcpVersion, target: context.target };
    const partial = context.patchFile === true || isPartial(section, resource);
    const entry = this.catalog.lookup(resource.apiVersion, resource.kind);
    if (entry && section.doc.errors.length === 0 && templates.length === 0) {
      try {
        const label =
          resource.kind === 'ServiceMeshControlPlane' && resource.apiVersion === 'maistra.io/v2'
            ? `ServiceMeshControlPlane ${effectiveSmcpVersion(versions).name}`
            : `${resource.kind} (${resource.apiVersion})`;
        for (const finding of this.validator.validate(section, entry, { label, partial })) {
          if (isPatchDirectiveFinding(finding)) continue;
          raw.push({ ruleId: finding.code, finding });
        }
      } catch (error) {
        this.onRuleFailure('schema', error);
        raw.push(skipped(section, l10n.t('the schema check'), error));
      }
    }

    for (const rule of this.rules) {
      if (!inScope(rule.meta.appliesTo, resource) || !gateOpen(rule.meta, versions)) continue;
      // A rule that throws is skipped whole: findings it made before failing are dropped too.
      const own: { ruleId: string; finding: Finding }[] = [];
      try {
        rule.check({
          section,
          resource,
          target: context.target,
          smcpVersion,
          partial,
          report: (finding) => own.push({ ruleId: rule.meta.id, finding }),
        });
        // A loop, not push(...own): a rule may report more findings than a call can take arguments.
        for (const o of own) if (templates.length === 0 || !touchesTemplate(o.finding.span, templates)) raw.push(o);
      } catch (error) {
        this.onRuleFailure(rule.meta.id, error);
        raw.push(skipped(section, l10n.t('the rule `{0}`', rule.meta.id), error));
      }
    }
  }

  /**
   * Runs every mesh rule over the model; returns each resource's findings
   * (uri, then section index), with severities, suppressions and template
   * spans applied as for resource rules.
   */
  analyseMesh(model: MeshModel, context: AnalysisContext, rules: readonly MeshRule[] = MESH_RULES): Map<string, Map<number, RuleFinding[]>> {
    const raw = new Map<MeshResource, { ruleId: string; finding: Finding }[]>();
    const add = (at: MeshResource, item: { ruleId: string; finding: Finding }) => {
      const list = raw.get(at);
      if (list) list.push(item);
      else raw.set(at, [item]);
    };
    for (const rule of rules) {
      if (context.settings.rules[rule.meta.id] === 'off') continue;
      const own: { at: MeshResource; ruleId: string; finding: Finding }[] = [];
      try {
        rule.checkMesh({ model, target: context.target, report: (at, finding) => own.push({ at, ruleId: rule.meta.id, finding }) });
        for (const { at, ruleId, finding } of own) add(at, { ruleId, finding });
      } catch (error) {
        this.onRuleFailure(rule.meta.id, error);
        // Every resource the rule would have looked at says it was not checked.
        for (const at of model.resources) {
          if (inScope(rule.meta.appliesTo, at.resource)) add(at, skipped(at.section.parsed, l10n.t('the rule `{0}`', rule.meta.id), error));
        }
      }
    }
    const result = new Map<string, Map<number, RuleFinding[]>>();
    for (const [at, items] of raw) {
      const section = at.section.parsed;
      const templates = templateSpans(section.text);
      const kept = items.filter((item) => templates.length === 0 || !touchesTemplate(item.finding.span, templates));
      let sections = result.get(at.uri);
      if (!sections) result.set(at.uri, (sections = new Map()));
      sections.set(at.section.index, [...(sections.get(at.section.index) ?? []), ...this.applySettings(section, context, kept, findSuppressions(section.text, section.lines))]);
    }
    return result;
  }

  /** Unknown-suppression findings, then severities, suppressions and supersession applied; sorted. */
  private settle(section: ParsedSection, context: AnalysisContext, raw: { ruleId: string; finding: Finding }[]): RuleFinding[] {
    const suppressions = findSuppressions(section.text, section.lines);
    for (const suppression of suppressions) {
      suppression.ids.forEach((id, i) => {
        if (!RULE_IDS.has(id)) {
          raw.push({
            ruleId: ENGINE_CODES.unknownSuppression,
            finding: { span: suppression.idSpans[i], message: l10n.t('`{0}` is not a Mesh Config rule, so this comment silences nothing.', id) },
          });
        }
      });
    }

    return this.applySettings(section, context, raw, suppressions);
  }

  /** Severities from the settings, suppression comments and supersession; sorted by position. */
  private applySettings(
    section: ParsedSection,
    context: AnalysisContext,
    raw: readonly { ruleId: string; finding: Finding }[],
    suppressions: ReturnType<typeof findSuppressions>,
  ): RuleFinding[] {
    // A rule the user turned off supersedes nothing: its finding is not shown.
    const superseded = supersededFindings(raw.filter((r) => context.settings.rules[r.ruleId] !== 'off'));
    const result: RuleFinding[] = [];
    for (const { ruleId, finding } of raw) {
      const setting = context.settings.rules[ruleId];
      if (setting === 'off') continue;
      if (superseded.has(`${ruleId}@${finding.span[0]}:${finding.span[1]}`)) continue;
      const line = section.lines.positionAt(finding.span[0]).line;
      if (ruleId !== ENGINE_CODES.unknownSuppression && isSuppressed(suppressions, ruleId, line)) continue;
      const severity: Severity = setting ?? finding.severity ?? ruleMeta(ruleId)?.severity ?? 'warning';
      result.push({ ...finding, ruleId, severity });
    }
    // Rules report in the order they run; users read findings top to bottom.
    return result.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  }
  private notAnalysed(section: ParsedSection, context: AnalysisContext): RuleFinding[] {
    const setting = context.settings.rules[ENGINE_CODES.documentTooComplex];
    if (setting === 'off') return [];
    const message = l10n.t('Mesh Config did not analyse this document: {0}.', section.unparseable ?? '');
    return [{ ruleId: ENGINE_CODES.documentTooComplex, severity: setting ?? 'info', span: [0, section.lines.lineEnd(0)], message }];
  }
}

type IdentifiedResource = ResourceIdentity & { readonly apiVersion: string; readonly kind: string };

/** Rules and schemas need to know what the resource is. */
function isIdentified(resource: ResourceIdentity | undefined): resource is IdentifiedResource {
  return !!resource?.apiVersion && !!resource.kind;
}

/** The finding that says a check could not run here, so a clean result is never a silent skip. */
function skipped(section: ParsedSection, check: string, error: unknown): { ruleId: string; finding: Finding } {
  const reason = error instanceof RangeError ? l10n.t('the document is too deeply nested') : error instanceof Error ? error.message : String(error);
  return {
    ruleId: ENGINE_CODES.checkSkipped,
    finding: {
      span: [0, section.lines.lineEnd(0)],
      message: l10n.t('Mesh Config could not run {0} on this document ({1}); its findings may be missing.', check, firstLine(reason)),
    },
  };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0];
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}

/** `code@start:end` of findings another finding at the same span supersedes. */
function supersededFindings(raw: readonly { ruleId: string; finding: Finding }[]): Set<string> {
  const keys = new Set<string>();
  for (const { finding } of raw) {
    for (const code of finding.supersedes ?? []) keys.add(`${code}@${finding.span[0]}:${finding.span[1]}`);
  }
  return keys;
}

function inScope(scope: RuleScope, resource: ResourceIdentity): boolean {
  if (scope.apiVersions && !scope.apiVersions.includes(resource.apiVersion ?? '')) return false;
  if (scope.kinds && !scope.kinds.includes(resource.kind ?? '')) return false;
  if (scope.groups && !scope.groups.includes('*') && !scope.groups.includes(resource.group ?? '')) return false;
  return true;
}

/** Kustomize consumes its directive keys before the API server sees them. */
function isPatchDirectiveFinding(finding: SchemaFinding): boolean {
  const path = finding.data?.path;
  return finding.code === SCHEMA_CODES.unknownField && Array.isArray(path) && isPatchDirectiveKey(path[path.length - 1]);
}

/**
 * Kustomize patches describe part of a resource; missing fields are expected.
 * A document without a name cannot be applied on its own, so it is a fragment too.
 */
function isPartial(section: ParsedSection, resource: ResourceIdentity): boolean {
  return hasPatchDirective(section.text) || !resource.name;
}
