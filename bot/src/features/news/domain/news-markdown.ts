/**
 * The Markdown subset news bodies are written in: paragraphs, bulleted and numbered lists, **bold** and
 * [links](https://…). Adaptive Card TextBlocks render exactly that subset, so a parsed block becomes one TextBlock
 * with its inline Markdown kept. Anything that could smuggle markup into a card is refused rather than escaped:
 * an admin who pastes HTML must see why it did not go out.
 */

export type MarkdownBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

export type MarkdownProblem =
  | { kind: 'html'; excerpt: string }
  | { kind: 'insecure-link'; url: string }
  | { kind: 'image'; excerpt: string };

export type ParsedMarkdown = { ok: true; blocks: MarkdownBlock[] } | { ok: false; problem: MarkdownProblem };

/** Any HTML tag, closing tag, comment or declaration (`<script>`, `</b>`, `<!-- -->`, `<!DOCTYPE`), or an autolink. */
const HTML_TAG = /<[/!?]?[a-zA-Z][^>]*>?|<!--/;
const INLINE_LINK = /\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** Finds the first thing in a text that a news item may not carry: an HTML tag. */
export function findHtml(text: string): string | undefined {
  const match = HTML_TAG.exec(text);
  return match ? match[0].slice(0, 40) : undefined;
}

const isHttps = (url: string): boolean => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

function checkInline(text: string): MarkdownProblem | undefined {
  const html = findHtml(text);
  if (html) return { kind: 'html', excerpt: html };
  if (/!\[[^\]]*\]\(/.test(text)) return { kind: 'image', excerpt: /!\[[^\]]*\]\([^)]*\)?/.exec(text)?.[0].slice(0, 60) ?? '![' };
  for (const match of text.matchAll(INLINE_LINK)) {
    const url = match[2] ?? '';
    if (!isHttps(url)) return { kind: 'insecure-link', url: url.slice(0, 80) };
  }
  return undefined;
}

/** Parses a body into blocks, or names the first thing it refuses. Line breaks are \n or \r\n. */
export function parseNewsMarkdown(source: string): ParsedMarkdown {
  const problem = checkInline(source);
  if (problem) return { ok: false, problem };
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = undefined;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(((bullet ?? numbered)?.[1] ?? '').trim());
      continue;
    }
    if (list) {
      // A line under a list item without a marker continues that item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // Headings are not in the card's Markdown: they become a bold paragraph of their own.
      flush();
      blocks.push({ kind: 'paragraph', text: `**${heading[1] ?? ''}**` });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return { ok: true, blocks };
}

/** One block as the Markdown a TextBlock renders (lists as lines; TextBlock lists need \r between items). */
export function blockToTextBlockMarkdown(block: MarkdownBlock): string {
  if (block.kind === 'paragraph') return block.text;
  return block.items.map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `- ${item}`)).join('\r');
}
