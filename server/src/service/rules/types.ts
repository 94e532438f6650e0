import type { Pair } from 'yaml';
import type { DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { ParsedSection } from '../documents';
import type { ResourceIdentity } from '../resources';
import type { MeshVersion } from '../versions';

export type RuleCategory = 'upgrade-blocker' | 'deprecated' | 'behavior-change' | 'invalid';
export type Severity = 'error' | 'warning' | 'info';

/** Which resources a rule looks at. Omitted fields match anything. */
export interface RuleScope {
  /** API groups ('' is the core group); '*' or omitted matches any. */
  readonly groups?: readonly string[];
  readonly kinds?: readonly string[];
  /** Exact apiVersions, when the rule is about one of them. */
  readonly apiVersions?: readonly string[];
}

export interface RuleVersions {
  readonly since?: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
}

export interface RuleMeta {
  /** Stable, readable id; also the diagnostic code and the docs page name. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly appliesTo: RuleScope;
  readonly versions?: RuleVersions;
  readonly fixable: boolean;
  /** One line, shown in the rules index and in SARIF. */
  readonly summary: string;
  /** Marks findings struck through (deprecated fields, annotations and APIs). */
  readonly deprecated?: boolean;
}

/** What a rule reports; the engine turns it into an LSP Diagnostic. */
export interface Finding {
  /** Section-relative offsets [start, end). */
  readonly span: readonly [number, number];
  readonly message: string;
  /** Overrides the rule's default severity for this finding. */
  readonly severity?: Severity;
  /** What a fix needs, so it does not have to re-derive it. */
  readonly data?: Record<string, unknown>;
  readonly tags?: DiagnosticTag[];
  /**
   * Codes of other findings (usually schema ones) at exactly this span that
   * this finding explains better, e.g. a removed field the schema only calls
   * "unknown". Those are dropped so the user sees one diagnostic, not two.
   */
  readonly supersedes?: readonly string[];
}

/** What a rule sees when it checks one resource. */
export interface RuleContext {
  readonly section: ParsedSection;
  readonly resource: ResourceIdentity;
  /** The version the user is upgrading to (setting or per-file comment). */
  readonly target: MeshVersion;
  /**
   * For a ServiceMeshControlPlane: its parsed `spec.version`, if valid and known.
   * Undefined for other kinds or when the version is missing or invalid.
   */
  readonly smcpVersion: MeshVersion | undefined;
  /**
   * The document is a fragment (a kustomize patch, or a resource without a
   * name): fields it lacks may be supplied elsewhere, so "missing" is no finding.
   */
  readonly partial: boolean;
  report(finding: Finding): void;
}

/** What a fix sees: the section, the finding's data, and the target. */
export interface FixContext {
  readonly section: ParsedSection;
  readonly resource: ResourceIdentity;
  readonly target: MeshVersion;
  /** Section-relative span of the diagnostic being fixed. */
  readonly span: readonly [number, number];
  readonly data: Record<string, unknown> | undefined;
}

export interface RuleFix {
  /** Short imperative title: "Change policy.type to Istiod". */
  readonly title: string;
  /** Section-relative edits (ranges inside the section text). */
  readonly edits: readonly SectionEdit[];
  /** Safe to apply without reading (part of fix-all); conversions are not. */
  readonly safe: boolean;
  readonly preferred?: boolean;
}

/** A replacement of section-relative offsets [start, end) by new text. */
export interface SectionEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
  fix?(context: FixContext): RuleFix[];
}

export type { Pair, Range, TextEdit };
