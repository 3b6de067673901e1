import { describe, expect, it } from 'vitest';
import { CONSULTATION_CATEGORIES } from '../../../bot/src/features/consultation/domain/categories.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import { createFaqSearch, definitionSubject, tokenizeJapanese } from '../../../bot/src/features/consultation/domain/faq-search.js';
import { FAQ_QUALITY_SET, FAQ_UNANSWERABLE_SET, measureFaqQuality } from '../../support/faq-quality-set.js';

describe('FAQ search quality over the fixed question set', () => {
  it('when employees ask the 30+ realistic questions, then the right entry is in the top 3 for at least 90%', () => {
    expect(FAQ_QUALITY_SET.length).toBeGreaterThanOrEqual(30);
    const quality = measureFaqQuality(createFaqSearch());
    console.log(`FAQ quality: top-1 ${(quality.top1 * 100).toFixed(1)}%, top-3 ${(quality.top3 * 100).toFixed(1)}% over ${quality.total} questions`);
    for (const miss of quality.misses) console.log(`  missed 「${miss.question}」: expected ${miss.expected}, got ${miss.got.join(', ')}`);
    expect(quality.top3).toBeGreaterThanOrEqual(0.9);
  });

  it('when staff ask 25+ questions the FAQ does not cover, then at least 80% get no entry at all (no three unrelated answers)', () => {
    expect(FAQ_UNANSWERABLE_SET.length).toBeGreaterThanOrEqual(25);
    const quality = measureFaqQuality(createFaqSearch());
    for (const answer of quality.falseAnswers) console.log(`  answered 「${answer.question}」 with ${answer.got.join(', ')}`);
    expect(quality.noMatch).toBeGreaterThanOrEqual(0.8);
    // Without the floor the same search offers entries for most of them: the floor is what says "no match".
    expect(measureFaqQuality(createFaqSearch(undefined, { relevanceFloor: 0 })).noMatch).toBeLessThan(0.5);
  });

  it('when someone says 「パスワードを忘れました」, then no FAQ entry is offered (パスワード is not the word "Word")', () => {
    expect(createFaqSearch().search('パスワードを忘れました')).toEqual([]);
    expect(tokenizeJapanese('パスワードを忘れました')).not.toContain('word');
    expect(tokenizeJapanese('ワードで文書を作る')).toContain('word');
  });

  it('when the set is read, then every expected id is a real FAQ entry', () => {
    const ids = new Set(FAQ_ENTRIES.map((entry) => entry.id));
    expect(FAQ_QUALITY_SET.filter(({ expected }) => !ids.has(expected))).toEqual([]);
  });
});

describe('FAQ search behaviour', () => {
  const search = createFaqSearch();

  it.each(['', '   ', '!!!???', '。、「」', 'の', 'ですか?', '😀😀'])('when the question is empty or only punctuation/particles (%j), then nothing is returned', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it.each(['asdfghjk', 'あいうえお', 'こんにちは'])('when the question is gibberish or a greeting (%j), then nothing is returned', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it('when results are returned, then they are at most the limit and best first', () => {
    const hits = search.search('kintoneでアンケートを作りたい', 5);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits[0]?.entry.id).toBe('kintone-form');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(['RPAとは何ですか', 'RPAとは', 'RPAって何?', 'RPAについて教えて', 'What is RPA?'])(
    'when someone asks what a thing is (%j), then the entry that says what it is comes first, before entries that only use the word more',
    (query) => {
      const ids = search.search(query).map((hit) => hit.entry.id);
      expect(ids[0]).toBe('rpa-what');
      expect(ids).toContain('rpa-start');
    },
  );

  it('when the question asks something else about the thing, then the ranking is the search’s own', () => {
    expect(search.search('RPAを始めたい')[0]?.entry.id).toBe('rpa-start');
    expect(definitionSubject('係でRPAを導入したいけど何から手をつければいい?')).toBeUndefined();
    expect(definitionSubject('ＥＢＰＭとは何ですか')).toBe('ebpm');
    expect(definitionSubject('What is an API?')).toBe('api');
  });

  it('when the question uses full-width letters or katakana product names, then it finds the same entry', () => {
    expect(search.search('ＲＰＡのエラーで止まった')[0]?.entry.id).toBe('rpa-trouble');
    expect(search.search('キントーンでアンケート')[0]?.entry.id).toBe('kintone-form');
  });

  it('when the question is in English, then the English twin text finds the entry', () => {
    expect(search.search('How do I get a kintone account?').map((hit) => hit.entry.id)).toContain('kintone-account');
    expect(search.search('suspicious email virus').map((hit) => hit.entry.id)).toContain('security-incident');
  });

  it('when text is tokenized, then particles and filler go, content words stay, and kanji compounds give bigrams only on request', () => {
    expect(tokenizeJapanese('ITパスポートの受験料って補助出ますか')).toEqual(['it', 'パスポート', '受験', '料', '補助', '出']);
    expect(tokenizeJapanese('受験料', { kanjiBigrams: true })).toEqual(['受験', '料', '受験', '験料']);
  });
});

describe('starter FAQ content', () => {
  it('when the FAQ is loaded, then it has 24+ entries with unique ids covering every form category', () => {
    expect(FAQ_ENTRIES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(FAQ_ENTRIES.map((entry) => entry.id)).size).toBe(FAQ_ENTRIES.length);
    expect(new Set(FAQ_ENTRIES.map((entry) => entry.category))).toEqual(new Set(CONSULTATION_CATEGORIES));
  });

  it.each(FAQ_ENTRIES.map((entry) => [entry.id, entry] as const))('when entry %s is read, then it has ja/en text of 2–5 sentences, keywords, and no invented URL or phone number', (_id, entry) => {
    const sentences = entry.answer.ja.split('。').filter((part) => part.trim().length > 0).length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(5);
    expect(entry.question.en.length).toBeGreaterThan(0);
    expect(entry.answer.en.length).toBeGreaterThan(0);
    expect(entry.keywords.length).toBeGreaterThan(0);
    for (const text of [entry.answer.ja, entry.answer.en]) {
      expect(text).not.toMatch(/https?:\/\/|www\.|\d{2,4}-\d{2,4}-\d{3,4}|内線/);
    }
  });

  it('when the topics the policy names are searched, then each has an entry', () => {
    const topics = ['RPA', 'kintone', 'BPR', 'Teams', '生成AI', 'BI', 'EBPM', '情報セキュリティ', '仕様書', '助成', 'DX推進委員', 'DX相談窓口', '体験会', '研修 申し込み'];
    expect(topics.filter((topic) => search(topic).length === 0)).toEqual([]);
    function search(topic: string) {
      return createFaqSearch().search(topic);
    }
  });
});
