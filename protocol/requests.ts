import { RequestType } from 'vscode-languageserver-protocol';
import type { WorkspaceEdit } from 'vscode-languageserver-types';

/**
 * The Mesh Config language server's own requests, declared once for the
 * client (client/src) and the server (server/src): a renamed request or a
 * changed field breaks the build on both sides instead of failing at run time.
 */

export interface FoldersParams {
  /** Workspace folder URIs (`file:` only; the server reads them from disk). */
  readonly folders: readonly string[];
}

export interface UpgradePlanResult {
  /** The plan as Markdown, with links to files and lines. */
  readonly markdown: string;
  /** The plan as data (the CLI's `upgrade-plan --format json` has the same shape). */
  readonly plan: { readonly target: string };
}

export interface FixAllInWorkspaceResult {
  readonly edit: WorkspaceEdit;
  readonly files: number;
  readonly fixes: number;
  /** URIs of the files the edit changes. */
  readonly paths: readonly string[];
}

export interface FileStatusParams {
  readonly uri: string;
}

export interface FileStatus {
  /** The document holds at least one Istio or Maistra resource. */
  readonly mesh: boolean;
  readonly smcpVersion: string | null;
  readonly target: string;
  /** The target comes from a `# mesh-config: target=` comment in the file. */
  readonly pinned: boolean;
  readonly versions: readonly { readonly name: string; readonly note: string }[];
}

/** Mesh Config: Show Upgrade Plan. Null when cancelled or when it failed (the server logs why). */
export const UpgradePlanRequest = new RequestType<FoldersParams, UpgradePlanResult | null, void>('meshConfig/upgradePlan');

/** Mesh Config: Fix All in Workspace. Null when cancelled or when it failed. */
export const FixAllInWorkspaceRequest = new RequestType<FoldersParams, FixAllInWorkspaceResult | null, void>('meshConfig/fixAllInWorkspace');

/** The status bar item: what the active file is and which target applies. Null for a document the server does not have. */
export const FileStatusRequest = new RequestType<FileStatusParams, FileStatus | null, void>('meshConfig/fileStatus');
