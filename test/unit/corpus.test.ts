import { strict as assert } from 'assert';
import * as fs from 'fs';
import { describe, it } from 'node:test';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { parseSection, splitSections } from '../../server/src/service/core/documents';
import { isMeshGroup } from '../../server/src/service/schemas/catalog';
import { CORPUS_DIR as CORPUS, corpusFiles } from '../support/corpus';
import { SCHEMAS_DIR, settings } from '../support/service';

describe('the real-world corpus', () => {
  it('opens every file without an exception and keeps out of documents we do not own', async (t) => {
    if (!fs.existsSync(CORPUS)) return t.skip(`corpus not found at ${CORPUS}`);
    const failures: string[] = [];
    const service = createMeshLanguageService({
      schemas: folderSchemaSource(SCHEMAS_DIR),
      onRuleFailure: (ruleId, uri, error) => failures.push(`${ruleId} on ${uri}: ${String(error)}`),
    });
    const files = corpusFiles();
    assert.ok(files.length > 100, `expected the corpus, found ${files.length} files`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const input = { uri: `file://${file}`, version: 1, text };
      const diagnostics = service.diagnostics(input, settings());
      // Completion and hover at the start of every tenth line must not throw either.
      const lineCount = text.split('\n').length;
      for (let line = 0; line < lineCount; line += 10) {
        await service.completion(input, { line, character: 2 }, settings());
        await service.hover(input, { line, character: 2 }, settings());
      }
      for (const section of splitSections(text)) {
        const parsed = parseSection(text.slice(section.startOffset, section.endOffset));
        const endLine = section.startLine + parsed.lines.lineCount - 1;
        const inSection = diagnostics.filter((d) => d.range.start.line >= section.startLine && d.range.start.line <= endLine);
        const resource = parsed.resource;
        if (!resource?.apiVersion || !resource.kind) {
          const rulesOnly = inSection.filter((d) => d.code !== 'unknown-suppression' && d.code !== 'invalid-target-comment');
          assert.deepEqual(rulesOnly.map((d) => d.message), [], `${file}: a document without apiVersion/kind got diagnostics`);
        } else if (!isMeshGroup(resource.group)) {
          const schemaFindings = inSection.filter((d) => /^(schema-|yaml-syntax)/.test(String(d.code)));
          assert.deepEqual(schemaFindings.map((d) => d.message), [], `${file}: ${resource.kind} is not ours to validate`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
