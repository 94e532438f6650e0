import { ANNOTATIONS, keyDomain } from './annotation-registry';

/**
 * The known annotation a mistyped key most likely meant: a case-insensitive
 * match first, then the closest name by edit distance (same domain preferred),
 * then a known key with the same name under another domain
 * (`istio.io/ingress.class` → `kubernetes.io/ingress.class`).
 */
export function suggestAnnotation(key: string, candidates: Iterable<string> = ANNOTATIONS.keys()): string | undefined {
  const names = [...candidates];
  const lower = key.toLowerCase();
  const exact = names.find((n) => n.toLowerCase() === lower);
  if (exact) return exact;
  const slash = key.indexOf('/');
  const local = slash >= 0 ? key.slice(slash + 1) : key;
  const domain = keyDomain(key);
  // Allow about one edit in three letters of the name part, at least two.
  const budget = Math.max(2, Math.ceil(local.length * 0.4));
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance > budget) continue;
    // A candidate in another domain pays one extra edit, so ties go to the same domain.
    const score = distance + (keyDomain(name) === domain ? 0 : 1);
    if (!best || score < best.score || (score === best.score && name < best.name)) best = { name, score };
  }
  if (best) return best.name;
  const sameLocal = names.filter((n) => n.slice(n.indexOf('/') + 1).toLowerCase() === local.toLowerCase());
  return sameLocal.length === 1 ? sameLocal[0] : undefined;
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
