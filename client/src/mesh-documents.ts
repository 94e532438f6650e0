/**
 * Decides, from a file's text alone, whether every YAML document in it is an
 * Istio or Maistra resource. Kept free of `vscode` and of server code so it
 * can be unit-tested and stays cheap enough to run on every schema request.
 */
const MESH_API_VERSION = /^apiVersion:\s*["']?([a-z0-9.-]+\.)?(istio\.io|maistra\.io)\//m;
const ANY_CONTENT = /^(?!\s*(#|$))/m;

export function isWholeFileMesh(text: string): boolean {
  const sections = text.split(/^(?:---|\.\.\.)(?=\s|$).*$/m);
  let meshSections = 0;
  for (const section of sections) {
    if (!ANY_CONTENT.test(section)) continue;
    if (!MESH_API_VERSION.test(section)) return false;
    meshSections++;
  }
  return meshSections > 0;
}
