import * as l10n from '@vscode/l10n';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { findTargetOverride, computeUpgradePlan, findControlPlanes, PlanInput, planBehaviourChanges, renderPlanMarkdown, versionNote, TARGET_VERSION_NAMES } from './service';
import type { MeshLanguageService, MeshSettings, TextDocumentInput, UpgradePlan } from './service';
import { yamlFilesUnder } from './node/files';
import { readTextFile, ReadProblem } from './node/safe-read';
import { writeTarget } from './node/write-scope';

/** What the requests need from the LSP side, so this module stays free of the connection. */
export interface WorkspaceAccess {
  readonly service: MeshLanguageService;
  /** Text and version of a document open in the editor (newer than the disk). */
  open(uri: string): { text: string; version: number } | undefined;
  isCancelled(): boolean;
}

interface WorkspaceFile extends PlanInput {
  readonly version: number | null;
  /** A link to a file outside the workspace folder: read for the plan, never offered for fixing. */
  readonly outsideFolder: boolean;
}

const YIELD_EVERY_FILES = 25;

/** The YAML files of the workspace folders, open documents' text winning over the disk; undefined when cancelled. */
async function readWorkspace(folderUris: readonly string[], settings: MeshSettings, access: WorkspaceAccess) {
  const files: WorkspaceFile[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  let count = 0;
  for (const folder of folders) {
    const prefix = folders.length > 1 ? `${path.basename(folder)}/` : '';
    const unreadableFolder = (dir: string, why: string) =>
      skipped.push({ file: `${prefix}${path.relative(folder, dir).split(path.sep).join('/')}/`, reason: l10n.t('folder could not be read ({0})', why) });
    const unusableEntry = (file: string, why: string) =>
      skipped.push({ file: `${prefix}${path.relative(folder, file).split(path.sep).join('/')}`, reason: l10n.t('not checked ({0})', why) });
    for (const full of yamlFilesUnder(folder, { cancelled: access.isCancelled, unreadableFolder, unusableEntry })) {
      // Let a cancellation (and other requests) in now and then.
      if (++count % YIELD_EVERY_FILES === 0) await new Promise((resolve) => setImmediate(resolve));
      if (access.isCancelled()) return undefined;
      const uri = pathToFileURL(full).href;
      const shown = prefix + path.relative(folder, full).split(path.sep).join('/');
      const outsideFolder = leavesFolder(full, folder);
      const open = access.open(uri);
      if (open) {
        files.push({ path: shown, uri, text: open.text, version: open.version, outsideFolder });
        continue;
      }
      // The CLI's reader: size limit before reading, plain files only, valid UTF-8 only.
      const read = readTextFile(full, settings.maxFileSizeKB);
      if (read.ok) files.push({ path: shown, uri, text: read.text, version: null, outsideFolder });
      else skipped.push({ file: shown, reason: describeSkip(read.problem, settings.maxFileSizeKB) });
    }
  }
  return { files, skipped };
}

function describeSkip(problem: ReadProblem, maxFileSizeKB: number): string {
  switch (problem.kind) {
    case 'too-large':
      return l10n.t('larger than the size limit ({0} KB)', maxFileSizeKB);
    case 'invalid-utf8':
      return l10n.t('not valid UTF-8 (byte {0}, line {1})', problem.byte, problem.line);
    case 'unsupported-encoding':
      return l10n.t('encoded as {0}, which is not supported (save it as UTF-8)', problem.encoding);
    case 'not-a-file':
      return l10n.t('not a regular file ({0})', problem.what);
    case 'io':
      return l10n.t('could not be read ({0})', problem.reason);
  }
}

/** True for a link whose file lies outside the workspace folder (or that cannot be resolved). */
function leavesFolder(file: string, folder: string): boolean {
  try {
    return !writeTarget(file, folder).ok;
  } catch {
    return true;
  }
}

export async function upgradePlanRequest(
  folderUris: readonly string[],
  settings: MeshSettings,
  access: WorkspaceAccess,
): Promise<{ markdown: string; plan: UpgradePlan } | null> {
  const workspace = await readWorkspace(folderUris, settings, access);
  if (!workspace) return null;
  const computed = computeUpgradePlan(access.service, workspace.files, settings, { behaviourChanges: planBehaviourChanges });
  // Files the editor does not have open should not stay parsed in the service's cache.
  for (const file of workspace.files) if (file.version === null) access.service.close(file.uri);
  const plan: UpgradePlan = { ...computed, skipped: [...workspace.skipped, ...computed.skipped] };
  const uris = new Map(workspace.files.map((f) => [f.path, f.uri]));
  // The preview's Markdown engine refuses `file:` links, so links are the URI's path: the
  // client writes the plan to a file, and a path resolves against that file's scheme.
  const markdown = renderPlanMarkdown(plan, { link: (file, line) => `${linkPath(uris.get(file)) ?? file}#L${line}` });
  return { markdown, plan };
}

function linkPath(uri: string | undefined): string | undefined {
  if (!uri?.startsWith('file:')) return uri;
  return new URL(uri).pathname;
}

export async function fixAllInWorkspaceRequest(
  folderUris: readonly string[],
  settings: MeshSettings,
  access: WorkspaceAccess,
): Promise<{ edit: WorkspaceEdit; files: number; fixes: number; paths: string[] } | null> {
  const workspace = await readWorkspace(folderUris, settings, access);
  if (!workspace) return null;
  const documentChanges: TextDocumentEdit[] = [];
  let fixes = 0;
  for (const file of workspace.files) {
    if (access.isCancelled()) return null;
    // Fixing a file the workspace only links to would edit something outside it, perhaps shared.
    if (file.outsideFolder) continue;
    const result = access.service.fixAll({ uri: file.uri, version: file.version ?? 0, text: file.text }, settings);
    if (file.version === null) access.service.close(file.uri);
    if (result.edits.length === 0) continue;
    fixes += result.applied.length;
    documentChanges.push({
      textDocument: { uri: file.uri, version: file.version },
      edits: result.edits,
    });
  }
  // A plain edit: the client asks before applying. Edits marked as needing confirmation
  // would reach VS Code's refactor preview unticked, so "Apply" there would apply nothing.
  const edit: WorkspaceEdit = { documentChanges };
  return { edit, files: documentChanges.length, fixes, paths: documentChanges.map((change) => change.textDocument.uri) };
}

const MESH_API_VERSION = /^apiVersion:\s*["']?([a-z0-9.-]+\.)?(istio\.io|maistra\.io)\//m;

/** What the status bar shows for a document: its control plane's version and the target. */
export function fileStatus(document: TextDocumentInput, service: MeshLanguageService, settings: MeshSettings) {
  const text = document.text;
  const override = findTargetOverride(text)?.version;
  const [controlPlane] = findControlPlanes(service.sections(document));
  return {
    mesh: MESH_API_VERSION.test(text),
    smcpVersion: controlPlane?.versionText ?? null,
    target: (override ?? settings.targetVersion).name,
    pinned: override !== undefined,
    versions: TARGET_VERSION_NAMES.map((name) => ({ name, note: versionNote(name) ?? '' })),
  };
}
