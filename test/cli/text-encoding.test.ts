import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { decodeUtf8 } from '../../server/src/node/text-encoding';
import { escapeControls } from '../../server/src/cli/terminal-text';

/** Issue #14, items 4 and 10: which bytes are text the CLI may check and fix, and how file text is shown. */
const DECODE: readonly [name: string, bytes: number[], expected: ReturnType<typeof decodeUtf8>][] = [
  ['plain', [0x61, 0x3a, 0x20, 0x31, 0x0a], { ok: true, bom: '', text: 'a: 1\n' }],
  ['UTF-8 byte-order mark', [0xef, 0xbb, 0xbf, 0x61], { ok: true, bom: '\uFEFF', text: 'a' }],
  ['a real U+FFFD is text', [0x23, 0xef, 0xbf, 0xbd, 0x0a], { ok: true, bom: '', text: '#\uFFFD\n' }],
  ['Latin-1 é on line 2', [0x61, 0x0a, 0x23, 0x20, 0xe9, 0x0a], { ok: false, problem: { kind: 'invalid-utf8', byte: 4, line: 2 } }],
  ['after a real U+FFFD', [0xef, 0xbf, 0xbd, 0x0a, 0xc3], { ok: false, problem: { kind: 'invalid-utf8', byte: 4, line: 2 } }],
  ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], { ok: false, problem: { kind: 'invalid-utf8', byte: 1, line: 1 } }],
  ['UTF-16LE with mark', [0xff, 0xfe, 0x61, 0x00], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-16LE' } }],
  ['UTF-16BE with mark', [0xfe, 0xff, 0x00, 0x61], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-16BE' } }],
  ['UTF-16LE without mark', [0x61, 0x00, 0x3a, 0x00], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-16LE' } }],
  ['UTF-16BE without mark', [0x00, 0x61, 0x00, 0x3a], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-16BE' } }],
  ['UTF-32LE with mark', [0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-32LE' } }],
  ['UTF-32BE without mark', [0, 0, 0, 0x61], { ok: false, problem: { kind: 'unsupported-encoding', encoding: 'UTF-32BE' } }],
  ['empty', [], { ok: true, bom: '', text: '' }],
];

const ESCAPES: readonly [input: string, expected: string][] = [
  ['plain text, tabs\tstay', 'plain text, tabs\tstay'],
  ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
  ['bell\x07 and NUL\x00', 'bell\\x07 and NUL\\x00'],
  ['carriage\rreturn and line\nfeed', 'carriage\\x0dreturn and line\\x0afeed'],
  ['DEL\x7f and C1 CSI\x9b', 'DEL\\x7f and C1 CSI\\x9b'],
  ['bidi \u202e override and \u2028 separator', 'bidi \\u{202e} override and \\u{2028} separator'],
  ['é, 日本, emoji 😀 stay', 'é, 日本, emoji 😀 stay'],
];

describe('CLI text handling', () => {
  for (const [name, bytes, expected] of DECODE) {
    it(`decodes: ${name}`, () => assert.deepEqual(decodeUtf8(Uint8Array.from(bytes)), expected));
  }
  for (const [input, expected] of ESCAPES) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeControls(input), expected));
  }
  it('keeps line feeds for multi-line output when asked', () => {
    assert.equal(escapeControls('# plan\n\x1b]0;x\x07\r\n', true), '# plan\n\\x1b]0;x\\x07\\x0d\n');
  });
});
