import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildFaqAnswerCard } from '../../bot/src/features/consultation/cards/faq-answer-card.js';
import { FAQ_ENTRIES } from '../../bot/src/features/consultation/domain/faq-entries.js';
import { plainText } from '../../bot/src/kernel/cards/plain-text.js';
import { normalizeMultilineText, normalizeTitle } from '../../bot/src/kernel/domain/text.js';

const render = (text: string) => marked.parse(text, { async: false, gfm: true });

describe('typed text shown to others (issue 14)', () => {
  it('when a title carries zero-width, bidi or control characters, then they are removed and full-width forms are folded', () => {
    expect(normalizeTitle('\u200b\u200c\u200d\ufeff\u2060\u00ad')).toBe('');
    expect(normalizeTitle('請求書\u202Efdp.exe\u202C')).toBe('請求書fdp.exe');
    expect(normalizeTitle('　ＫＩＮＴＯＮＥ　ｱﾌﾟﾘ\t\n作成\u0000 ')).toBe('KINTONE アプリ 作成');
    expect(normalizeTitle('\u3164\u3164')).toBe('');
  });

  it('when multi-line text carries bidi controls, then they go and its line breaks stay', () => {
    expect(normalizeMultilineText('一行目\r\n\u202Eevil\u202C\n\t三行目\u0007')).toBe('一行目\nevil\n\t三行目');
  });

  it('when typed text holds Markdown links, images, emphasis, lists, headings or bare URLs, then rendered it is text only, with every character kept', () => {
    const attacks = [
      '[ここをクリック](https://evil.example/phish)',
      '![追跡](https://evil.example/pixel.gif)',
      '**太字** _斜体_ ~~消し~~ `code`',
      '# 見出し\n\n- 箇条書き\n1. 番号\n> 引用',
      'https://evil.example/a www.evil.example mail@evil.example <https://evil.example/b>',
      '<img src=x onerror=alert(1)>',
    ];
    for (const attack of attacks) {
      const html = render(plainText(attack));
      expect(html, attack).not.toMatch(/<(a|img|strong|em|del|code|h1|ul|ol|li|blockquote)\b/);
      // What the reader sees is what was typed (HTML entities aside).
      const shown = html.replace(/<\/?p>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
      expect(shown.replace(/\s+/g, ' ').trim(), attack).toBe(attack.replace(/\s+/g, ' ').trim());
    }
  });

  it('when a question with Markdown links and images is echoed on the FAQ answer or no-match card, then it renders as text only', () => {
    const query = '[ログイン](https://evil.example/phish) ![x](https://evil.example/p.png) **至急**';
    for (const entries of [[], FAQ_ENTRIES.slice(0, 2)]) {
      const card = buildFaqAnswerCard({ query, entries, locale: 'ja' });
      const texts: string[] = [];
      JSON.stringify(card, (key, value: unknown) => {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        return value;
      });
      const html = texts.map((text) => render(text)).join('\n');
      expect(html).not.toContain('<a ');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<strong>至急');
      expect(html).toContain('https://evil.example/phish');
    }
  });
});
