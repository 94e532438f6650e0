import type { Pair } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../core/findings';
import type { SectionEdit } from '../edits/edits';
import type { ParsedSection, SectionRef } from '../core/documents';
import type { ResourceIdentity } from '../core/resources';
import type { KnownVersionName, MeshVersion } from '../core/versions';

export type RuleCategory = 'upgrade-blocker' | 'deprecated' | 'behavior-change' | 'invalid';

/** Which resources a rule looks at. Omitted fields match anything. */
export interface RuleScope {
  /** API groups ('' is the core group); '*' or omitted matches any. */
  readonly groups?: readonly string[];
  readonly kinds?: readonly string[];
  /** Exact apiVersions, when the rule is about one of them. */
  readonly apiVersions?: readonly string[];
}

/** The versions a rule is about; shown in the rules index and, through `gate`, when the rule runs. */
export interface RuleVersions {
  readonly since?: KnownVersionName;
  readonly deprecatedIn?: KnownVersionName;
  readonly removedIn?: KnownVersionName;
}

/**
 * When the engine runs a rule: only once a version has reached one of the
 * rule's own `versions`, so the version a gate opens at is written once and
 * the docs show the same one. The engine checks it before calling `check`
 * (rules/version-gate.ts); a fix is only asked for a finding, so it is gated
 * by the same test.
 */
export interface RuleGate {
  /** The entry of `versions` that opens the gate; the rule must declare it. */
  readonly from: keyof RuleVersions;
  /**
   * Which version must have reached it:
   * - `'upgrade'` (the default): the later of the resource's effective SMCP
   *   version and the target, so the rule speaks as soon as the upgrade gets
   *   there, and still on a control plane already past the target;
   * - `'current'`: the effective SMCP version alone, for a rule about how the
   *   control plane behaves as written (a v1.x `spec.version` stays quiet even
   *   when the target is v2.x).
   */
  readonly on?: 'upgrade' | 'current';
}

export interface RuleMeta {
  /** Stable, readable id; also the diagnostic code and the docs page name. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly appliesTo: RuleScope;
  readonly versions?: RuleVersions;
  /** Omitted: the rule runs on every version (and judges versions itself where it must, e.g. with firstRejection). */
  readonly gate?: RuleGate;
  readonly fixable: boolean;
  /** One line, shown in the rules index and in SARIF. */
  readonly summary: string;
  /** Marks findings struck through (deprecated fields, annotations and APIs). */
  readonly deprecated?: boolean;
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

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
  fix?(context: FixContext): RuleFix[];
}

export type { Pair, Range, TextEdit };
export type { Finding, SectionEdit, Severity };

/** One resource of the mesh model: a `---` section of one of the files the caller knows. */
export interface MeshResource {
  readonly uri: string;
  readonly section: SectionRef;
  readonly resource: ResourceIdentity;
}

/**
 * Every resource of the files a caller knows (the open documents of an editor,
 * every file of a CLI run), read-only. Mesh rules look across it.
 */
export interface MeshModel {
  readonly resources: readonly MeshResource[];
  ofKind(group: string, kind: string): readonly MeshResource[];
}

export interface MeshRuleContext {
  readonly model: MeshModel;
  /** The version the user is upgrading to (the setting; per-file target comments are for resource rules). */
  readonly target: MeshVersion;
  /** Reports on one resource of the model; `finding.span` is relative to that resource's section. */
  report(at: MeshResource, finding: Finding): void;
}

/**
 * A rule over several resources, possibly in several files. It shares the
 * registry, severities, suppressions, failure isolation and fixtures with the
 * resource rules; only what it sees differs.
 */
export interface MeshRule {
  readonly meta: RuleMeta;
  checkMesh(context: MeshRuleContext): void;
}
