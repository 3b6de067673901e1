import type { IMarkdownProcessingResult } from 'adaptivecards';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]*)\]\((https:\/\/[^)\s"]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

/**
 * The Markdown Teams renders in a TextBlock (bold, https links, bulleted and numbered lists), for the official
 * renderer, which shows raw text unless the host supplies a processor. Everything is HTML-escaped first, so the
 * only markup in the output is what this function writes.
 */
export function processCardMarkdown(text: string, result: IMarkdownProcessingResult): void {
  const lines = text.split(/\r\n|\r|\n/);
  const bullets = lines.every((line) => /^- /.test(line));
  const numbered = lines.every((line) => /^\d+\. /.test(line));
  if (lines.length > 0 && (bullets || numbered)) {
    const items = lines.map((line) => `<li>${inline(line.replace(/^(- |\d+\. )/, ''))}</li>`).join('');
    result.outputHtml = bullets ? `<ul style="margin:0;padding-left:1.2em">${items}</ul>` : `<ol style="margin:0;padding-left:1.4em">${items}</ol>`;
  } else {
    result.outputHtml = lines.map(inline).join('<br>');
  }
  result.didProcess = true;
}
