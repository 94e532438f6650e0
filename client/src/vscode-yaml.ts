import * as vscode from 'vscode';
import { meshSchemaContributor } from './schema-contributor';

export const VSCODE_YAML_ID = 'redhat.vscode-yaml';

/** The part of vscode-yaml's exported API we use (its schema contributor API). */
interface VscodeYamlApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | Promise<string>,
    label?: string,
  ): boolean;
}

/**
 * When Red Hat's YAML extension is active, files made only of mesh resources
 * would get two sets of schema completions, hovers and errors. We claim those
 * files through vscode-yaml's schema contributor API (see schema-contributor.ts).
 * Files that mix mesh resources with other YAML are left to vscode-yaml as the
 * user configured it.
 */
export async function quietVscodeYamlOnMeshFiles(log: vscode.OutputChannel): Promise<boolean> {
  const extension = vscode.extensions.getExtension<VscodeYamlApi>(VSCODE_YAML_ID);
  if (!extension) return false;
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api || typeof api.registerContributor !== 'function') {
    log.appendLine(vscode.l10n.t('{0} is installed but exposes no schema contributor API; both extensions may show schema results.', VSCODE_YAML_ID));
    return false;
  }
  const contributor = meshSchemaContributor(
    (resource) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource)?.getText(),
    vscode.l10n.t('Handled by Mesh Config'),
  );
  api.registerContributor(
    contributor.name,
    (resource) => contributor.requestSchema(resource),
    (uri) => contributor.requestSchemaContent(uri),
    'Mesh Config',
  );
  log.appendLine(vscode.l10n.t('{0} is active: files made only of mesh resources get schema features from Mesh Config alone.', VSCODE_YAML_ID));
  return true;
}
