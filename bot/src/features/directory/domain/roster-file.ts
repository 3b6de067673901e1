/**
 * Turning the bytes of an uploaded roster into text: UTF-8 (with or without BOM) or Shift_JIS/CP932, detected,
 * never asked. Node's WHATWG TextDecoder 'shift_jis' is Windows-31J (CP932), which is what Excel in Japan writes.
 */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export type DecodedRoster = { ok: true; text: string; encoding: RosterEncoding } | { ok: false; problem: RosterFileProblem };

export type RosterFileProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-csv' }
  | { kind: 'mixed-encodings'; lines: number[] };

const LF = 0x0a;

/** Binary files a browser may be handed by mistake: xlsx/docx (zip), PDF, and anything with NUL bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const startsWith = (...magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x25, 0x50, 0x44, 0x46) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) return true;
  return bytes.subarray(0, 64 * 1024).includes(0);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const shiftJis = new TextDecoder('shift_jis', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Classifies each line with non-ASCII bytes: valid UTF-8 or not. Shift_JIS bytes of Japanese text are almost never
 * valid UTF-8 and UTF-8 text decodes as Shift_JIS mojibake without an error, so a file whose non-ASCII lines
 * disagree was stitched together from two encodings.
 */
function linesByEncoding(bytes: Uint8Array): { utf8: number[]; other: number[] } {
  const result = { utf8: [] as number[], other: [] as number[] };
  let start = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== LF) continue;
    const slice = bytes.subarray(start, index);
    if (slice.some((byte) => byte >= 0x80)) (isUtf8(slice) ? result.utf8 : result.other).push(line);
    start = index + 1;
    line++;
  }
  return result;
}

export function decodeRosterFile(bytes: Uint8Array): DecodedRoster {
  if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length } };
  if (bytes.length === 0) return { ok: false, problem: { kind: 'empty' } };
  if (looksBinary(bytes)) return { ok: false, problem: { kind: 'not-csv' } };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    const text = utf8.decode(body);
    return text.trim() === '' ? { ok: false, problem: { kind: 'empty' } } : { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  }
  const lines = linesByEncoding(body);
  if (hasBom || lines.utf8.length > 0) {
    // The lines to fix are the odd ones out: those not in the BOM's UTF-8, else the smaller group.
    const odd = hasBom || lines.other.length < lines.utf8.length ? lines.other : lines.utf8;
    return { ok: false, problem: { kind: 'mixed-encodings', lines: odd } };
  }
  try {
    return { ok: true, text: shiftJis.decode(body), encoding: 'shift_jis' };
  } catch {
    return { ok: false, problem: { kind: 'not-csv' } };
  }
}
