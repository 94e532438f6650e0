import { DocumentCache } from '../../server/src/service/core/documents';
import { CONVERSIONS } from '../../server/src/service/features/conversions';
import { conversionEdits } from '../../server/src/service/features/conversions/apply';
import { applyEdits } from '../../server/src/service/edits/edits';
import { findTargetOverride } from '../../server/src/service/core/target';
import { parseVersion } from '../../server/src/service/core/versions';

/** Runs one conversion on the first resource of a file it applies to, without the engine. */
export function convertFile(conversionId: string, text: string): string | undefined {
  const conversion = CONVERSIONS.find((c) => c.id === conversionId);
  if (!conversion) throw new Error(`no conversion ${conversionId}`);
  const file = new DocumentCache().get('file:///conversion.yaml', 1, text);
  const target = findTargetOverride(text)?.version ?? parseVersion('v2.6')!;
  const sections = file.sections.map((s) => ({ index: s.index, section: s.parsed, resource: s.parsed.resource }));
  const ref = file.sections.find((s) => s.parsed.resource && conversion.appliesTo(s.parsed.resource));
  if (!ref) return undefined;
  const result = conversion.convert({ section: ref.parsed, resource: ref.parsed.resource!, index: ref.index, sections, target });
  const edits = result && conversionEdits(file, ref, result, ref.parsed.resource!.kind!);
  return edits ? applyEdits(text, edits) : undefined;
}

