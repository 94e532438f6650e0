import * as fs from 'fs';
import * as path from 'path';
import { SHARED_DIR } from './service';

/** The real-world files and the expert's expectations (read-only reference; tests skip without it). */
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const MANIFEST = path.join(CORPUS_DIR, 'MANIFEST.tsv');

/** One row of MANIFEST.tsv: a corpus file, its kinds, and what a linter should report there. */
export interface ManifestRow {
  /** Relative to CORPUS_DIR. */
  readonly file: string;
  readonly kinds: string;
  /** The `expected_lint_findings` column, in the expert's words. */
  readonly expected: string;
}

export function readManifest(): ManifestRow[] {
  const [header, ...lines] = fs.readFileSync(MANIFEST, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return { file: cells[at('file')], kinds: cells[at('kinds')] ?? '', expected: cells[at('expected_lint_findings')] ?? '' };
  });
}

/** Absolute paths of every YAML file in the corpus, sorted. */
export function corpusFiles(dir = CORPUS_DIR): string[] {
  const walk = (folder: string): string[] =>
    fs.readdirSync(folder).flatMap((name) => {
      const full = path.join(folder, name);
      return fs.statSync(full).isDirectory() ? walk(full) : /\.ya?ml$/.test(name) ? [full] : [];
    });
  return walk(dir).sort();
}
