import type { Diagnostic } from 'vscode-languageserver-types';
import type { SectionRef, TextDocumentInput } from '../core/documents';
import type { MeshSettings } from '../core/settings';
import type { RuleMeta } from '../rules/types';

/** What the plan needs from the language service; the service's face provides it. */
export interface PlanAnalysis {
  readonly rules: readonly RuleMeta[];
  updateFile(document: TextDocumentInput): void;
  knows(uri: string): boolean;
  close(uri: string): void;
  sections(document: TextDocumentInput): readonly SectionRef[];
  diagnostics(document: TextDocumentInput, settings: MeshSettings): Diagnostic[];
  availableFixes(document: TextDocumentInput, diagnostic: Diagnostic, settings: MeshSettings): { title: string; safe: boolean }[];
}

/**
 * The upgrade plan as data: what the CLI prints as JSON, what the Markdown
 * renderer and the editor's preview are made from. Lines and columns are
 * 1-based; columns count UTF-16 code units, as the editor does.
 */

export interface UpgradePlan {
  /** The version every control plane is planned up to. */
  readonly target: string;
  readonly controlPlanes: readonly ControlPlanePlan[];
  /** Files without a ServiceMeshControlPlane, with what the target version finds in them. */
  readonly affected: readonly AffectedFile[];
  /** Files left out of the plan, and why (too large, unreadable). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

export type ControlPlaneStatus = 'upgrade' | 'at-target' | 'beyond-target' | 'unknown-version';

export interface ControlPlanePlan {
  readonly name: string | null;
  readonly namespace: string | null;
  readonly file: string;
  /** Line of the resource's `kind`. */
  readonly line: number;
  /** `spec.version` as written (null when missing). */
  readonly currentVersion: string | null;
  readonly target: string;
  /** Namespaces the files make members of this control plane (ServiceMeshMemberRoll, ServiceMeshMember), sorted. */
  readonly members: readonly string[];
  /** Other control planes (by name) in the same namespace; the operator allows one per namespace. */
  readonly sharesNamespaceWith: readonly string[];
  readonly status: ControlPlaneStatus;
  /**
   * Errors the files already have at the current version (status 'upgrade' only): not caused by
   * the upgrade, but they stand in its way too. Steps list only what each step adds.
   */
  readonly currentErrors: readonly PlanItem[];
  /** Minor-by-minor steps in upgrade order; empty unless status is 'upgrade'. */
  readonly steps: readonly PlanStep[];
}

export interface PlanStep {
  readonly from: string;
  readonly to: string;
  /** One line about the release being stepped onto. */
  readonly releaseNote: string | null;
  /** Findings that are errors from this step on (and not before): fix them first. */
  readonly blockers: readonly PlanItem[];
  /** Version-related warnings (not schema ones) that first appear at this step: deprecations to plan for. */
  readonly deprecations: readonly PlanItem[];
  /** What behaves differently after this step, to review even when nothing is flagged. */
  readonly behaviourChanges: readonly BehaviourChangeItem[];
}

export interface PlanItem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** `Kind name` of the resource the finding is in, when known. */
  readonly resource: string | null;
  /** A quick fix exists in the editor. */
  readonly quickFix: boolean;
  /** That fix is safe, so `mesh-config check --fix` and Fix All apply it. */
  readonly safeFix: boolean;
}

export interface BehaviourChangeItem {
  readonly summary: string;
  readonly details?: string;
  readonly docsUrl?: string;
}

export interface AffectedFile {
  readonly file: string;
  readonly items: readonly PlanItem[];
}
