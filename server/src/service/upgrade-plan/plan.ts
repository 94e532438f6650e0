import * as l10n from '@vscode/l10n';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { getNode, nodeSpan, scalarText } from '../core/ast';
import type { SectionRef } from '../core/documents';
import type { TextDocumentInput } from '../core/documents';
import type { PlanAnalysis as MeshLanguageService } from './types';
import type { MeshSettings } from '../core/settings';
import type { AffectedFile, BehaviourChangeItem, ControlPlanePlan, PlanItem, PlanStep, UpgradePlan } from './types';
import { versionNote } from '../core/version-notes';
import { MeshMembership } from './membership';
import type { ResourceIdentity } from '../core/resources';
import { compareVersions, MeshVersion, parseKnownVersion, TARGET_VERSION_NAMES, upgradeSteps } from '../core/versions';

export type * from './types';

/** A file to plan over: `path` is how reports name it, `uri` how the service knows it. */
export interface PlanInput {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

/** What changes in behaviour when a control plane moves from one version to the next. */
export type BehaviourChangeSource = (from: MeshVersion, to: MeshVersion) => readonly BehaviourChangeItem[];

export interface PlanOptions {
  readonly behaviourChanges?: BehaviourChangeSource;
}

const SEVERITY_NAMES: Record<number, PlanItem['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
};

export interface ControlPlaneAt {
  readonly file: number;
  readonly section: number;
  readonly name: string | null;
  readonly namespace: string | null;
  readonly line: number;
  readonly versionText: string | null;
}

/**
 * The plan for taking every ServiceMeshControlPlane in `inputs` to `settings.targetVersion`.
 *
 * Each step's blockers come from running the ordinary diagnostics over every
 * file with that step's version as the target: a finding belongs to the first
 * step at which it is an error. That way a rule's own version logic decides,
 * and the plan never second-guesses it.
 */
export function computeUpgradePlan(
  service: MeshLanguageService,
  inputs: readonly PlanInput[],
  settings: MeshSettings,
  options: PlanOptions = {},
): UpgradePlan {
  // The plan's files join the mesh model for the plan only; files the caller already had there stay.
  const added = inputs.filter((input) => !service.knows(input.uri)).map((input) => input.uri);
  try {
    return planFiles(service, inputs, settings, options);
  } finally {
    for (const uri of added) service.close(uri);
  }
}

function planFiles(service: MeshLanguageService, inputs: readonly PlanInput[], settings: MeshSettings, options: PlanOptions): UpgradePlan {
  const target = settings.targetVersion;
  const skipped: { file: string; reason: string }[] = [];
  const files: TextDocumentInput[] = [];
  const paths: string[] = [];
  for (const input of inputs) {
    if (input.text.length > settings.maxFileSizeKB * 1024) {
      skipped.push({ file: input.path, reason: l10n.t('larger than the size limit ({0} KB)', settings.maxFileSizeKB) });
      continue;
    }
    // The plan asks what each version finds, so per-file target pins must not answer for it.
    files.push({ uri: input.uri, version: 0, text: unpinTarget(input.text) });
    paths.push(input.path);
  }

  // Every file joins the mesh model before any is analysed, so rules across files see them all.
  for (const file of files) service.updateFile(file);
  // The service parsed and cached each file's sections for its diagnostics; the plan reads the same ones.
  const sectionsOf = (index: number) => service.sections(files[index]);
  const evaluations = new Map<string, PlanItemAt[][]>();
  const at = (version: MeshVersion): PlanItemAt[][] => {
    let result = evaluations.get(version.name);
    if (!result) {
      const versionSettings: MeshSettings = { ...settings, targetVersion: version };
      result = files.map((file, index) =>
        service.diagnostics(file, versionSettings).map((d) => toItem(service, file, paths[index], index, d, versionSettings, sectionsOf(index))),
      );
      evaluations.set(version.name, result);
    }
    return result;
  };

  // Schema and syntax warnings are not about versions; the rest are deprecations or upgrade warnings.
  const notVersionRelated = new Set(service.rules.filter((r) => r.category === 'invalid').map((r) => r.id));
  // These rules describe the upgrade path itself from the plane's current version, which the
  // plan lays out step by step; evaluated at an intermediate step they would report a version
  // the plane no longer has by then.
  const aboutThePath = new Set(['smcp-version', 'smcp-upgrade-path', 'smcp-behaviour-changes']);
  const controlPlanes = files.flatMap((_, index) => findControlPlanes(sectionsOf(index), index));
  const smcpSections = new Set(controlPlanes.map((cp) => `${cp.file}#${cp.section}`));
  const membership = new MeshMembership();
  if (controlPlanes.length > 0) files.forEach((_, index) => sectionsOf(index).forEach((s) => membership.add(s.parsed.resource)));

  // Indexes built once, so each control plane's share costs its own items, not every item of the plan
  // (4,000 control planes in one file took minutes when each plane filtered the whole list).
  const planesByNamespace = new Map<string, ControlPlaneAt[]>();
  for (const cp of controlPlanes) if (cp.namespace !== null) pushTo(planesByNamespace, cp.namespace, cp);
  const grouped = new Map<string, { bySection: Map<string, PlanItemAt[]>; byNamespace: Map<string | null, PlanItemAt[]> }>();
  const groupsAt = (version: MeshVersion) => {
    let groups = grouped.get(version.name);
    if (!groups) {
      groups = { bySection: new Map(), byNamespace: new Map() };
      for (const fileItems of at(version)) {
        for (const item of fileItems) {
          const section = `${item.fileIndex}#${item.section}`;
          if (smcpSections.has(section)) pushTo(groups.bySection, section, item);
          else pushTo(groups.byNamespace, item.namespace, item);
        }
      }
      grouped.set(version.name, groups);
    }
    return groups;
  };
  // Another control plane's own settings are that plane's business, not this plan's.
  // With several planes, a resource goes to the ones whose members include its namespace.
  const itemsFor = (cp: ControlPlaneAt, version: MeshVersion): PlanItemAt[] => {
    const groups = groupsAt(version);
    const items = [...(groups.bySection.get(`${cp.file}#${cp.section}`) ?? [])];
    for (const [namespace, list] of groups.byNamespace) {
      if (controlPlanes.length === 1 || membership.belongsTo(namespace ?? undefined, cp.namespace)) for (const item of list) items.push(item);
    }
    return items;
  };

  const plans = controlPlanes.map((cp): ControlPlanePlan => {
    const base = {
      name: cp.name,
      namespace: cp.namespace,
      file: paths[cp.file],
      line: cp.line,
      currentVersion: cp.versionText,
      target: target.name,
      members: membership.membersOf(cp.namespace),
      // The same name twice is one resource written in several files (overlays, variants), not a second mesh.
      sharesNamespaceWith: [
        ...new Set((cp.namespace === null ? [] : (planesByNamespace.get(cp.namespace) ?? [])).filter((o) => o.name !== cp.name).map((o) => o.name ?? '')),
      ].sort(),
    };
    const current = cp.versionText === null ? undefined : parseKnownVersion(cp.versionText);
    if (!current) return { ...base, status: 'unknown-version', currentErrors: [], steps: [] };
    const order = compareVersions(current, target);
    if (order >= 0) return { ...base, status: order === 0 ? 'at-target' : 'beyond-target', currentErrors: [], steps: [] };
    // What the running version already reports is not caused by any step: errors are listed apart, warnings not at all.
    const today = isTargetable(current) ? itemsFor(cp, current).filter((i) => !aboutThePath.has(i.rule)) : [];
    const currentErrors = today.filter((i) => i.severity === 'error');
    const seenErrors = new Set(currentErrors.map((i) => i.key));
    const seenWarnings = new Set(today.filter((i) => i.severity === 'warning').map((i) => i.key));
    const steps = upgradeSteps(current, target).map((step): PlanStep => {
      const items = itemsFor(cp, step.to).filter((i) => !aboutThePath.has(i.rule));
      const blockers = items.filter((i) => i.severity === 'error' && !seenErrors.has(i.key));
      const deprecations = items.filter(
        (i) => i.severity === 'warning' && !notVersionRelated.has(i.rule) && !seenWarnings.has(i.key) && !seenErrors.has(i.key),
      );
      for (const item of items) (item.severity === 'error' ? seenErrors : seenWarnings).add(item.key);
      return {
        from: step.from.name,
        to: step.to.name,
        releaseNote: versionNote(step.to.name) ?? null,
        blockers: sorted(blockers).map(publicItem),
        deprecations: sorted(deprecations).map(publicItem),
        behaviourChanges: options.behaviourChanges?.(step.from, step.to) ?? [],
      };
    });
    return { ...base, status: 'upgrade', currentErrors: sorted(currentErrors).map(publicItem), steps };
  });

  const withControlPlane = new Set(controlPlanes.map((cp) => cp.file));
  const atTarget = at(target);
  const affected: AffectedFile[] = files
    .map((_, index) => index)
    .filter((index) => !withControlPlane.has(index))
    .map((index) => ({ file: paths[index], items: sorted(atTarget[index].filter((i) => i.severity !== 'info')).map(publicItem) }))
    .filter((file) => file.items.length > 0);

  return { target: target.name, controlPlanes: plans, affected, skipped };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface PlanItemAt extends PlanItem {
  /** Identifies the finding across versions (its text stays put; only the target moves). */
  readonly key: string;
  readonly fileIndex: number;
  readonly section: number;
  readonly namespace: string | null;
}

function toItem(
  service: MeshLanguageService,
  file: TextDocumentInput,
  path: string,
  fileIndex: number,
  diagnostic: Diagnostic,
  settings: MeshSettings,
  sections: readonly SectionRef[],
): PlanItemAt {
  const fixes = service.availableFixes(file, diagnostic, settings);
  const section = (diagnostic.data as { section?: unknown } | undefined)?.section;
  const { start } = diagnostic.range;
  return {
    key: `${fileIndex}:${start.line}:${start.character}:${String(diagnostic.code)}`,
    fileIndex,
    section: typeof section === 'number' ? section : -1,
    file: path,
    line: start.line + 1,
    column: start.character + 1,
    rule: String(diagnostic.code),
    severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'info',
    message: diagnostic.message,
    resource: typeof section === 'number' ? label(sections[section]?.parsed.resource) : null,
    namespace: typeof section === 'number' ? (sections[section]?.parsed.resource?.namespace ?? null) : null,
    quickFix: fixes.length > 0,
    safeFix: fixes.some((f) => f.safe),
  };
}

function publicItem(item: PlanItemAt): PlanItem {
  const { key: _key, fileIndex: _file, section: _section, namespace: _namespace, ...rest } = item;
  return rest;
}

function sorted<T extends PlanItem>(items: T[]): T[] {
  return [...items].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Kind name`, for readers who think in resources. */
function label(resource: ResourceIdentity | undefined): string | null {
  if (!resource?.kind) return null;
  return resource.name ? `${resource.kind} ${resource.name}` : resource.kind;
}

/** The ServiceMeshControlPlanes among a file's sections, with where they are and their `spec.version` as written. */
export function findControlPlanes(sections: readonly SectionRef[], fileIndex = 0): ControlPlaneAt[] {
  const found: ControlPlaneAt[] = [];
  for (const section of sections) {
    const resource = section.parsed.resource;
    if (resource?.kind !== 'ServiceMeshControlPlane' || resource.group !== 'maistra.io') continue;
    const kindSpan = nodeSpan(resource.kindPair?.value);
    const line = kindSpan ? section.parsed.lines.positionAt(kindSpan[0]).line : 0;
    found.push({
      file: fileIndex,
      section: section.index,
      name: resource.name ?? null,
      namespace: resource.namespace ?? null,
      line: section.startLine + line + 1,
      versionText: scalarText(getNode(resource.root, ['spec', 'version'])) ?? null,
    });
  }
  return found;
}

/** Turns `# mesh-config: target=vX.Y` into a plain comment of the same length, so offsets stay put. */
function unpinTarget(text: string): string {
  if (!text.includes('mesh-config:')) return text;
  return text.replace(/(#\s*mesh-config):(?=\s*target\s*=)/g, '$1 ');
}

function isTargetable(version: MeshVersion): boolean {
  return (TARGET_VERSION_NAMES as readonly string[]).includes(version.name);
}
