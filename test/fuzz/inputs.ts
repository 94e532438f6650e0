import * as fs from 'fs';
import * as path from 'path';
import { splitSections } from '../../server/src/service/core/documents';
import { FIXTURES_DIR, REPO_ROOT, SHARED_DIR } from '../support/service';

/** Sections longer than this are cut: small inputs keep 20,000 cases fast, and rules act per section anyway. */
export const MAX_BASE_LINES = 25;

export interface FuzzInputs {
  /** One `---` section each, at most MAX_BASE_LINES lines. */
  readonly bases: readonly string[];
  /** Where they came from, for the test output. */
  readonly description: string;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/**
 * The shared real-world corpus when it is present, always the repository's
 * own fixtures and examples. Files are read in sorted order so a seed means
 * the same cases on every machine with the same inputs.
 */
export function loadInputs(): FuzzInputs {
  const corpusDir = path.join(SHARED_DIR, 'corpus');
  const corpus = yamlFiles(corpusDir);
  const own = [...yamlFiles(FIXTURES_DIR), ...yamlFiles(path.join(REPO_ROOT, 'examples'))];
  const bases: string[] = [];
  const seen = new Set<string>();
  for (const file of [...corpus, ...own]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const raw of splitSections(text)) {
      const section = boundLines(text.slice(raw.startOffset, raw.endOffset));
      if (section.trim() === '' || seen.has(section)) continue;
      seen.add(section);
      bases.push(section);
    }
  }
  const description =
    corpus.length > 0
      ? `${corpus.length} corpus files from ${corpusDir} and ${own.length} fixture/example files`
      : `corpus not found at ${corpusDir}; falling back to the repository's ${own.length} fixture/example files only`;
  return { bases, description };
}

function boundLines(text: string): string {
  let end = -1;
  for (let line = 0; line < MAX_BASE_LINES; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end + 1);
}
