import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { applyVerified } from '../../server/src/service/features/verified-edits';

/** `at(text, 'needle')` is the edit that replaces the first `needle` in `text`. */
function replace(text: string, needle: string, newText: string) {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} not in text`);
  return { start, end: start + needle.length, newText };
}

describe('the edit gate (applyVerified)', () => {
  const twoDocs = 'a:\n  b: >-\n    x\n---\nc: 1\n';

  it('accepts an edit that keeps the other documents as they were', () => {
    const result = applyVerified(twoDocs, [replace(twoDocs, '>-\n    x', 'y')]);
    assert.deepEqual(result, { ok: true, text: 'a:\n  b: y\n---\nc: 1\n' });
  });

  it('rejects an edit that merges the next document into a value', () => {
    const result = applyVerified(twoDocs, [replace(twoDocs, '>-\n    x\n', 'y')]);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'documents-changed');
  });

  it('rejects an edit that eats a ... marker', () => {
    const text = 'a: >-\n  x\n...\nb: 1\n';
    const result = applyVerified(text, [replace(text, '>-\n  x\n', 'y')]);
    assert.equal(!result.ok && result.reason, 'documents-changed');
  });

  it('rejects an edit that leaves an alias without its anchor', () => {
    const text = 'a: &x {p: 1}\nb: *x\n';
    const result = applyVerified(text, [replace(text, 'a: &x {p: 1}\n', '')]);
    assert.equal(!result.ok && result.reason, 'yaml-problems');
  });

  it('rejects an edit that adds a duplicate key, and one that breaks the syntax', () => {
    const text = 'a: 1\nb: 2\n';
    assert.equal(applyVerified(text, [replace(text, 'b', 'a')]).ok, false);
    assert.equal(applyVerified(text, [replace(text, '2', '[2')]).ok, false);
  });

  it('tolerates problems the document already had, but not new ones', () => {
    const text = 'a: 1\na: 2\nb: 3\n';
    assert.equal(applyVerified(text, [replace(text, '3', '4')]).ok, true);
    assert.equal(applyVerified(text, [replace(text, 'b: 3', 'a: 3')]).ok, false);
  });

  it('rejects overlapping edits', () => {
    const text = 'a: 1\n';
    const result = applyVerified(text, [{ start: 0, end: 3, newText: 'b' }, { start: 2, end: 4, newText: 'c' }]);
    assert.equal(!result.ok && result.reason, 'overlapping-edits');
  });

  it('asks the caller whether the finding is gone, with the text of the touched documents', () => {
    const text = 'x: 1\n---\na: Mixer\n---\ny: 2\n';
    const edit = replace(text, 'Mixer', 'Istiod');
    const seen: string[] = [];
    const fixed = (touched: string) => (seen.push(touched), !touched.includes('Mixer'));
    assert.equal(applyVerified(text, [edit], { fixed }).ok, true);
    assert.deepEqual(seen, ['---\na: Istiod\n']);
    const still = applyVerified(text, [replace(text, 'a: Mixer', 'a: Mixer # still')], { fixed });
    assert.equal(!still.ok && still.reason, 'still-reported');
  });

  it('looks only at the neighbourhood of the edits when given the sections, and gives the same whole text', () => {
    const docs = Array.from({ length: 50 }, (_, i) => `---\nk${i}: v${i}\n`).join('');
    const edit = replace(docs, 'v25', 'w25');
    const sections: { startOffset: number; endOffset: number }[] = [];
    for (let at = docs.indexOf('---'); at >= 0; at = docs.indexOf('---', at + 1)) sections.push({ startOffset: at, endOffset: 0 });
    sections.forEach((s, i) => (s.endOffset = sections[i + 1]?.startOffset ?? docs.length));
    const result = applyVerified(docs, [edit], { sections });
    assert.equal(result.ok && result.text, docs.replace('v25', 'w25'));
    // A merge into the next document is still caught inside the neighbourhood.
    const merge = applyVerified(docs, [replace(docs, 'v25\n', 'w25')], { sections });
    assert.equal(!merge.ok && merge.reason, 'documents-changed');
  });

  it('keeps an insertion at a document boundary with the document before it', () => {
    const text = 'a: 1\n---\nb: 2\n';
    const at = text.indexOf('---');
    assert.deepEqual(applyVerified(text, [{ start: at, end: at, newText: 'c: 3\n' }]), { ok: true, text: 'a: 1\nc: 3\n---\nb: 2\n' });
    assert.equal(applyVerified(text, [{ start: at, end: at, newText: 'c: 3' }]).ok, false);
  });
});
