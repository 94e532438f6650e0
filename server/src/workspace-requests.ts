import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { MeshLanguageService, MeshSettings, TextDocumentInput } from './service';
import { findTargetOverride } from './service/target';
import { computeUpgradePlan, findControlPlanes, PlanInput } from './service/upgrade-plan';
import { planBehaviourChanges } from './service/upgrade-plan-behaviour';
import { renderPlanMarkdown } from './service/upgrade-plan-markdown';
import type { UpgradePlan } from './service/upgrade-plan-types';
import { versionNote } from './service/version-notes';
import { TARGET_VERSION_NAMES } from './service/versions';
import { yamlFilesUnder } from './cli/files';

/** Custom requests of the Mesh Config client (names repeated in client/src/requests.ts). */
export const UPGRADE_PLAN_REQUEST = 'meshConfig/upgradePlan';
export const FIX_ALL_IN_WORKSPACE_REQUEST = 'meshConfig/fixAllInWorkspace';
export const FILE_STATUS_REQUEST = 'meshConfig/fileStatus';

/** What the requests need from the LSP side, so this module stays free of the connection. */
export interface WorkspaceAccess {
  readonly service: MeshLanguageService;
  /** Text and version of a document open in the editor (newer than the disk). */
  open(uri: string): { text: string; version: number } | undefined;
  isCancelled(): boolean;
}

interface WorkspaceFile extends PlanInput {
  readonly version: number | null;
}

/** Files larger than this many bytes cannot be under the limit in characters (UTF-8 uses at most 3 bytes a unit). */
const BYTES_PER_UNIT_MAX = 3;
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
    for (const full of yamlFilesUnder(folder, { cancelled: access.isCancelled, unreadableFolder })) {
      // Let a cancellation (and other requests) in now and then.
      if (++count % YIELD_EVERY_FILES === 0) await new Promise((resolve) => setImmediate(resolve));
      if (access.isCancelled()) return undefined;
      const uri = pathToFileURL(full).href;
      const shown = prefix + path.relative(folder, full).split(path.sep).join('/');
      const open = access.open(uri);
      if (open) {
        files.push({ path: shown, uri, text: open.text, version: open.version });
        continue;
      }
      try {
        if (fs.statSync(full).size > settings.maxFileSizeKB * 1024 * BYTES_PER_UNIT_MAX) {
          skipped.push({ file: shown, reason: l10n.t('larger than the size limit ({0} KB)', settings.maxFileSizeKB) });
          continue;
        }
        files.push({ path: shown, uri, text: fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, ''), version: null });
      } catch (error) {
        skipped.push({ file: shown, reason: l10n.t('could not be read ({0})', (error as Error).message) });
      }
    }
  }
  return { files, skipped };
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
