import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { scalarValue } from '../core/ast';
import { pathAtOffset } from '../core/ast-position';
import type { SectionRef } from '../core/documents';
import { shiftRange } from '../core/lines';
import type { SchemaCatalog } from '../schemas/catalog';
import type { YamlSchemaFeatures } from '../schemas/yamlls';
import { sectionSchema } from '../schemas/section-schema';
import { valueNote } from '../core/value-notes';
import { hasRecursiveAlias } from '../core/recursive-alias';

/** Schema hover from yaml-language-server, plus what a value means in plain words. */
export async function hoverInSection(
  section: SectionRef,
  position: Position,
  catalog: SchemaCatalog,
  schemaFeatures: YamlSchemaFeatures,
): Promise<Hover | null> {
  const parsed = section.parsed;
  const resource = parsed.resource;
  const schema = sectionSchema(resource, catalog);
  if (!schema || !resource) return null;
  const relative: Position = { line: position.line - section.startLine, character: position.character };
  const hover = hasRecursiveAlias(parsed.doc) ? null : await schemaFeatures.hover(parsed.text, relative, schema.entry, schema.smcpVersion);

  const at = pathAtOffset(parsed.doc.contents, parsed.lines.offsetAt(relative));
  const note = at ? valueNote(resource.kind, at.path, scalarValue(at.value)) : undefined;
  if (!hover && !note) return null;

  const text = [markdownOf(hover), note].filter((s): s is string => !!s).join('\n\n');
  const contents: MarkupContent = { kind: 'markdown', value: text };
  return { contents, ...(hover?.range ? { range: shiftRange(hover.range, section.startLine) } : {}) };
}

function markdownOf(hover: Hover | null): string | undefined {
  if (!hover) return undefined;
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');
  return contents.value;
}
