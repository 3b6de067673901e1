/**
 * Text someone typed (a ticket title, details, a comment, a display name from Teams), made safe to put in an
 * Adaptive Card TextBlock or FactSet, where Teams renders Markdown: every character that would start a link, an
 * image, emphasis, a heading, a list or an HTML-ish tag is backslash-escaped (CommonMark escapes, which Teams honours),
 * and bare URLs and e-mail addresses are broken so they are not auto-linked. The reader sees exactly the characters
 * typed, as text. Markdown stays only where an admin authors news (features/news/domain/news-markdown.ts).
 */
const MARKDOWN_INLINE = /[\\`*_[\]()!<>#~|]/g;
// At the start of a line: list bullets, setext/heading underlines, block quotes and numbered lists (1. or 1)).
const LINE_START_MARK = /^([ \t]*)([-+=>])/gm;
const LINE_START_NUMBER = /^([ \t]*\d+)([.)])/gm;

export function plainText(text: string): string {
  return text
    .replace(MARKDOWN_INLINE, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(LINE_START_MARK, '$1\\$2')
    .replace(LINE_START_NUMBER, '$1\\$2');
}
