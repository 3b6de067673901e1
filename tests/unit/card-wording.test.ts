import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDERS_COVERED, everyCard, everyMessage, textsOf } from '../support/card-catalogue.js';
import { parseAdaptiveCard } from '../support/cards.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
// The one Japanese an English card keeps on purpose: the language switch names Japanese in Japanese, so that someone
// whose client is English but who reads only Japanese can find it.
const ENDONYM = '日本語 (Japanese)';
const japaneseOnly = (text: string) => JAPANESE.test(text) && text !== ENDONYM;
const HALF_WIDTH_PARENTHESIS = /[()]/;
const FULL_WIDTH_PARENTHESIS = /[（）]/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('every card the bot can send', () => {
  it('when the source is read, then every card builder is in the catalogue the wording tests scan', () => {
    const builders = sourceFiles('bot/src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export function (build\w*Card)\(/g)].map((match) => match[1]!));
    expect(builders.filter((name) => !BUILDERS_COVERED.includes(name))).toEqual([]);
  });

  it.each(['ja', 'en'] as const)('when every card is built in %s, then the Adaptive Cards library parses each without a warning', (locale) => {
    for (const { name, card } of everyCard(locale)) expect([name, parseAdaptiveCard(card.content).problems]).toEqual([name, []]);
  });

  // A Markdown link's target `](https://…)` is syntax, not shown text: the reader sees only the link's words.
  const shown = (text: string) => text.replace(/\]\(https:\/\/[^)\s]*\)/g, ']');

  it('when a Japanese card or message shows parentheses, then they are full-width （…）, never half-width (…)', () => {
    const texts = [
      ...everyCard('ja').flatMap(({ name, card }) => textsOf(card.content).map((text) => ({ where: name, text }))),
      ...everyMessage('ja').map(({ key, text }) => ({ where: key, text })),
    ];
    expect(texts.filter(({ text }) => JAPANESE.test(text) && HALF_WIDTH_PARENTHESIS.test(shown(text)))).toEqual([]);
  });

  it('when an English card or message shows parentheses, then they are half-width (…)', () => {
    const texts = [
      ...everyCard('en').flatMap(({ name, card }) => textsOf(card.content).map((text) => ({ where: name, text }))),
      ...everyMessage('en').map(({ key, text }) => ({ where: key, text })),
    ];
    expect(texts.filter(({ text }) => FULL_WIDTH_PARENTHESIS.test(text))).toEqual([]);
  });

  it('when a signed-up session is listed, then its status reads 申込状況: 申込済み, not 空き: 申込済み', () => {
    const finder = everyCard('ja').find(({ name }) => name.startsWith('session finder (open'))!;
    const facts = JSON.stringify(finder.card.content);
    expect(facts).not.toContain('"title":"空き","value":"申込済み"');
    expect(facts).toContain('"title":"申込状況","value":"申込済み"');
    expect(facts).toContain('"title":"空き","value":"残り15席"');
  });
});

describe('English wherever there is Japanese (the Agents Playground always sends en-US)', () => {
  it('when every card is built in en, then no text a person reads is Japanese', () => {
    const japanese = everyCard('en').flatMap(({ name, card }) => textsOf(card.content).filter(japaneseOnly).map((text) => ({ name, text })));
    expect(japanese).toEqual([]);
  });

  it('when the message table is read in en, then every line is English', () => {
    expect(everyMessage('en').filter(({ text }) => japaneseOnly(text))).toEqual([]);
  });
});
