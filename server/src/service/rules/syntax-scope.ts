import type { ParsedSection } from '../core/documents';
import { isMeshGroup } from '../schemas/catalog';

/**
 * Whose YAML syntax errors Mesh Config reports.
 * - `mesh-resources` (the editor): only sections that are, or say they are,
 *   Istio or Maistra resources. Other YAML belongs to the YAML extension, which
 *   already reports its syntax errors.
 * - `all-documents` (the command line): every file given is meant to be
 *   checked, and a CI gate must not call a file clean that it could not read.
 */
export type SyntaxErrorScope = 'mesh-resources' | 'all-documents';

/**
 * An `apiVersion` line naming an Istio or Maistra API group. Read from the text,
 * not the parsed tree, because a syntax error may have swallowed the
 * `apiVersion` or `kind` key the tree would otherwise show.
 */
const MESH_API_VERSION_LINE = /^[ \t-]*["']?apiVersion["']?[ \t]*:[ \t]*["']?(?:[a-z0-9-]+\.)*(?:istio|maistra)\.io\//m;

/** Whether the text of a section names an Istio or Maistra API group in an `apiVersion`. */
export function namesMeshApiGroup(text: string): boolean {
  return (text.includes('istio.io') || text.includes('maistra.io')) && MESH_API_VERSION_LINE.test(text);
}

/**
 * Whether a section's syntax errors are findings. Never in a section with
 * Go/Helm template actions (`templated`): such text is not YAML until it is
 * rendered. Plain sections of the same file are YAML as written and are checked.
 */
export function reportsSyntaxErrors(section: ParsedSection, scope: SyntaxErrorScope, templated: boolean): boolean {
  if (section.doc.errors.length === 0 || templated) return false;
  if (scope === 'all-documents') return true;
  return isMeshGroup(section.resource?.group) || namesMeshApiGroup(section.text);
}
