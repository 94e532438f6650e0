/**
 * Shrinks a failing text by deleting lines (chunks first, then single lines)
 * while `fails` still holds, so a report shows only what matters.
 */
export async function shrinkLines(text: string, fails: (candidate: string) => Promise<boolean>, budget = 400): Promise<string> {
  let lines: string[] = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let attempts = 0;
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1; chunk >>= 1) {
    let start = 0;
    while (start < lines.length && attempts < budget) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      attempts++;
      if (candidate.length < lines.length && (await fails(candidate.join('')))) {
        lines = candidate;
      } else {
        start += chunk;
      }
    }
  }
  return lines.join('');
}
