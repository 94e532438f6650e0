export { FileStatusRequest, FixAllInWorkspaceRequest, UpgradePlanRequest } from '../../protocol/requests';
export type { FileStatus, FixAllInWorkspaceResult, UpgradePlanResult } from '../../protocol/requests';

/** The local workspace folders, as URIs the server can read from disk. */
export function localFolderUris(folders: readonly { uri: { scheme: string; toString(): string } }[] | undefined): string[] {
  return (folders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString());
}
