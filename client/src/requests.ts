/**
 * The server's custom requests (names as in server/src/workspace-requests.ts;
 * the client does not import server code). Only the fields the client reads.
 */
export const UPGRADE_PLAN_REQUEST = 'meshConfig/upgradePlan';
export const FIX_ALL_IN_WORKSPACE_REQUEST = 'meshConfig/fixAllInWorkspace';
export const FILE_STATUS_REQUEST = 'meshConfig/fileStatus';

export interface UpgradePlanResult {
  readonly markdown: string;
  readonly plan: { readonly target: string };
}

export interface FixAllResult {
  /** An LSP WorkspaceEdit, converted by the language client. */
  readonly edit: unknown;
  readonly files: number;
  readonly fixes: number;
  /** URIs of the files the edit changes. */
  readonly paths: readonly string[];
}

export interface FileStatus {
  readonly mesh: boolean;
  readonly smcpVersion: string | null;
  readonly target: string;
  /** The target comes from a `# mesh-config: target=` comment in the file. */
  readonly pinned: boolean;
  readonly versions: readonly { readonly name: string; readonly note: string }[];
}

/** The local workspace folders, as URIs the server can read from disk. */
export function localFolderUris(folders: readonly { uri: { scheme: string; toString(): string } }[] | undefined): string[] {
  return (folders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString());
}
