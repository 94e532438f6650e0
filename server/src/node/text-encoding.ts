import { isUtf8 } from 'buffer';

/** Why a file's bytes are not text the checker can work on. */
export type EncodingProblem =
  | { readonly kind: 'unsupported-encoding'; readonly encoding: string }
  | { readonly kind: 'invalid-utf8'; readonly byte: number; readonly line: number };

export type DecodedText = { readonly ok: true; readonly bom: string; readonly text: string } | { readonly ok: false; readonly problem: EncodingProblem };

const BOM = '\uFEFF';

/**
 * Decodes a file's bytes as UTF-8, or says why not. Only valid UTF-8 is
 * accepted: decoding anything else would turn the bad bytes into U+FFFD, and a
 * fix written back would then change bytes far outside what it fixed. A
 * UTF-8 byte-order mark is split off (editors hide it too) so a writer can put
 * it back.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const encoding = otherUnicodeEncoding(bytes);
  if (encoding) return { ok: false, problem: { kind: 'unsupported-encoding', encoding } };
  if (!isUtf8(bytes)) {
    const byte = firstInvalidByte(bytes);
    return { ok: false, problem: { kind: 'invalid-utf8', byte, line: lineAt(bytes, byte) } };
  }
  // ignoreBOM keeps the mark in the text so it is split off here, visibly, and not lost.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return text.startsWith(BOM) ? { ok: true, bom: BOM, text: text.slice(1) } : { ok: true, bom: '', text };
}

/** English wording for the command line. */
export function describeEncodingProblem(problem: EncodingProblem): string {
  return problem.kind === 'unsupported-encoding'
    ? `encoded as ${problem.encoding}, which is not supported (save it as UTF-8)`
    : `not valid UTF-8 (byte ${problem.byte}, line ${problem.line})`;
}

/**
 * UTF-16 and UTF-32, told apart as the YAML specification says (section 5.2):
 * by a byte-order mark, or else by where the NUL bytes of the first
 * character fall, since a YAML stream starts with an ASCII character.
 */
function otherUnicodeEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'UTF-32BE';
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'UTF-16BE';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'UTF-16LE';
  return undefined;
}

/**
 * Offset of the first byte that is not part of valid UTF-8. The lossy decoder
 * turns each bad sequence into U+FFFD and decodes everything before it
 * exactly, so the byte length of the text before a U+FFFD is its offset; a
 * U+FFFD that was really in the file (EF BF BD) is stepped over.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(text.slice(from, at), 'utf8');
    from = at;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
