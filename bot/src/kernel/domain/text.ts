/**
 * Text typed by one person and shown to others (ticket titles and details): what the reader sees must be what the
 * writer typed, so characters that are invisible or that reorder the display are removed (issue 14: a title of only
 * zero-width spaces was accepted, and U+202E RIGHT-TO-LEFT OVERRIDE made 「請求書\u202Efdp.exe」 read as 「請求書exe.pdf」).
 */

// Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI) and the implicit marks (LRM, RLM, ALM).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// Control (Cc) and format (Cf: zero-width space/joiners, BOM, word joiner, soft hyphen, bidi...) characters.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;
// Zero-width and invisible characters that are not Cf (U+200B is Cf; Hangul fillers and braille blank are not).
const INVISIBLE_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;

/**
 * A one-line title as it is stored and shown: NFKC-normalised (full-width ＡＢＣ → ABC, half-width ｶﾅ → カナ, the
 * ideographic space → a space), without control or format characters, runs of white space as one space, trimmed.
 * An empty result means the title had nothing visible.
 */
export function normalizeTitle(text: string): string {
  // Tabs and line breaks become spaces before control characters go, so 「アプリ\t作成」 keeps its word gap.
  return text.normalize('NFKC').replace(/\s+/gu, ' ').replace(CONTROL_OR_FORMAT, '').replace(INVISIBLE_LETTERS, '').replace(/\s+/gu, ' ').trim();
}

/** Multi-line text as it is stored and shown: line breaks and tabs kept, bidi controls and other control characters removed. */
export function normalizeMultilineText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\p{Cc}]/gu, (character) => (character === '\n' || character === '\t' ? character : ''));
}
