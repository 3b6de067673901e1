import { describe, expect, it } from 'vitest';
import { buildFaqAnswerCard, faqCardWorstBytes } from '../../../bot/src/features/consultation/cards/faq-answer-card.js';
import { draftFaqFromTicket, removePersonalDetails } from '../../../bot/src/features/consultation/domain/faq-draft.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import { FAQ_CARD_MAX_BYTES, faqChanges, questionKey, validateFaqContent, type FaqInput } from '../../../bot/src/features/consultation/domain/faq-rules.js';
import { applyTransition, openTicket, parseConsultationInput, type TicketActor } from '../../../bot/src/features/consultation/domain/tickets.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import { parseAdaptiveCard } from '../../support/cards.js';

const valid = {
  category: 'tool' as const,
  question: { ja: 'Power Automateで通知を自動化できますか?', en: 'Can Power Automate send notifications for us?' },
  answer: { ja: 'できます。**定型の通知**に向いています。\n\n- 承認の依頼\n- 期限の連絡\n\n詳しくは[手順書](https://example.city.shinagawa.tokyo.jp/pa)を見てください。', en: 'Yes. It suits **routine notices**.' },
  keywords: ['Power Automate', 'パワーオートメート', '通知'],
} satisfies FaqInput;
const context = { others: FAQ_ENTRIES, cardBytes: faqCardWorstBytes };

/** The refusal a rule gives, in both languages (Japanese first), or undefined when the input is accepted. */
function refusalOf(input: FaqInput): { ja: string; en: string } | undefined {
  try {
    validateFaqContent(input, context);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(400);
    return error.userMessage;
  }
}

describe('FAQ entry rules (管理 → FAQ)', () => {
  it('when an admin writes a complete entry in the Markdown subset, then it is accepted and its card parses with no problem in both languages', () => {
    const content = validateFaqContent(valid, context);
    expect(content.question.ja).toBe('Power Automateで通知を自動化できますか?');
    for (const locale of ['ja', 'en'] as const) {
      const card = buildFaqAnswerCard({ query: 'q', entries: [{ id: 'x', ...content }], locale });
      expect(parseAdaptiveCard(card.content).problems).toEqual([]);
    }
    // The list becomes its own TextBlock with \r between items, as Teams renders lists.
    expect(JSON.stringify(buildFaqAnswerCard({ query: 'q', entries: [{ id: 'x', ...content }], locale: 'ja' }).content)).toContain('- 承認の依頼\\r- 期限の連絡');
  });

  it.each([
    ['no Japanese question', { ...valid, question: { ja: '  ', en: '' } }, '質問（日本語）を入力してください'],
    ['no Japanese answer', { ...valid, answer: { ja: '', en: 'Yes.' } }, '回答（日本語）を入力してください'],
    ['an English question without its answer', { ...valid, answer: { ja: valid.answer.ja, en: '' } }, '英語の質問と回答は両方'],
    ['a script tag in the answer', { ...valid, answer: { ...valid.answer, ja: '<script>alert(1)</script>です' } }, 'HTMLタグ'],
    ['HTML in the question', { ...valid, question: { ...valid.question, ja: '<b>太字</b>の質問' } }, 'HTMLタグ'],
    ['HTML in a keyword', { ...valid, keywords: ['<img src=x onerror=alert(1)>'] }, 'HTMLタグ'],
    ['an http link in Markdown', { ...valid, answer: { ...valid.answer, ja: '[手順](http://example.com/a)を見てください。' } }, 'https://'],
    ['a bare http URL', { ...valid, answer: { ...valid.answer, ja: 'http://example.com/a を見てください。' } }, 'https://'],
    ['a javascript: link', { ...valid, answer: { ...valid.answer, ja: '[押す](javascript:alert(1))' } }, 'https://'],
    ['an unknown category', { ...valid, category: 'payroll' }, '分類「payroll」はありません'],
    ['a question an entry already asks, in full-width capitals and other spacing', { ...valid, question: { ja: 'ＲＰＡとは 何ですか?どんな業務に向いていますか?', en: '' }, answer: { ja: '別の回答', en: '' } }, '同じ質問のFAQがすでにあります'],
    ['an answer whose card would pass the size budget', { ...valid, answer: { ja: '長い回答です。'.repeat(600), en: '' }, question: { ...valid.question, en: '' } }, '回答が長すぎます'],
  ])('when the entry has %s, then it is refused with a Japanese message and its English twin', (_case, input, japanese) => {
    const refusal = refusalOf(input as FaqInput);
    expect(refusal?.ja).toContain(japanese);
    expect(refusal?.en).toMatch(/[A-Za-z]/);
  });

  it('when an answer is just inside the size budget, then it is accepted, and three such answers on one card stay under the limit', () => {
    let length = 100;
    while (faqCardWorstBytes({ ...valid, question: { ...valid.question, en: '' }, answer: { ja: 'あ'.repeat(length + 100), en: '' } }) <= FAQ_CARD_MAX_BYTES) length += 100;
    const input = { ...valid, question: { ...valid.question, en: '' }, answer: { ja: 'あ'.repeat(length), en: '' } };
    const content = validateFaqContent(input, context);
    const card = buildFaqAnswerCard({ query: '質'.repeat(500), entries: [0, 1, 2].map((n) => ({ id: `e${n}`, ...content })), locale: 'ja' });
    expect(new TextEncoder().encode(JSON.stringify(card.content)).length).toBeLessThanOrEqual(FAQ_CARD_MAX_BYTES);
    expect(refusalOf({ ...input, answer: { ja: 'あ'.repeat(length + 100), en: '' } })?.ja).toContain('回答が長すぎます');
  });

  it('when an entry has no English, then the English card shows its Japanese rather than an empty answer', () => {
    const content = validateFaqContent({ ...valid, question: { ja: '共有フォルダの容量を増やせますか?', en: '' }, answer: { ja: 'デジタル推進課にご相談ください。', en: '' } }, context);
    const card = JSON.stringify(buildFaqAnswerCard({ query: 'q', entries: [{ id: 'x', ...content }], locale: 'en' }).content);
    expect(card).toContain('共有フォルダの容量を増やせますか?');
    expect(card).toContain('デジタル推進課にご相談ください。');
  });

  it('when questions differ only in width, case and spaces, then they are the same question', () => {
    expect(questionKey('ＫＩＮＴＯＮＥ で  アンケート')).toBe(questionKey('kintoneでアンケート'));
    expect(questionKey('What is RPA?')).toBe(questionKey('what is  rpa?'));
  });

  it('when an entry is edited, then the history lists each changed field with its text before and after', () => {
    const before = validateFaqContent(valid, context);
    const after = { ...before, answer: { ...before.answer, ja: '新しい回答です。' }, keywords: ['通知'] };
    expect(faqChanges(before, after)).toEqual([
      { field: 'answer.ja', before: before.answer.ja, after: '新しい回答です。' },
      { field: 'keywords', before: 'Power Automate、パワーオートメート、通知', after: '通知' },
    ]);
    expect(faqChanges(before, before)).toEqual([]);
  });
});

describe('「FAQにする」: a draft from a resolved request', () => {
  const requester: TicketActor = { id: 'emp-7', name: '大井 花子', isAdmin: false };
  const admin: TicketActor = { id: 'adm-1', name: '品川 デジタ', isAdmin: true };
  const person = { displayName: '大井 花子', email: 'soudan.ooi@city.shinagawa.example', staffNumber: 'S1234567' };
  const at = new Date('2026-05-01T01:00:00Z');
  const filed = () =>
    openTicket(
      parseConsultationInput({
        category: 'tool',
        title: 'kintoneで申請受付アプリを作りたい（大井花子）',
        details: '戸籍住民課の大井です。職員番号 S1234567、内線 1234、携帯 090-1234-5678、連絡は soudan.ooi@city.shinagawa.example か ooi.private@example.com まで。紙の申請書を kintone で受け付けたいです。2026-04-01 から始めたい。',
        preferredContact: 'chat',
        urgency: 'medium',
      }),
      requester,
      'DX-2026-0007',
      at,
    ).ticket;
  const resolved = () => {
    let ticket = applyTransition(filed(), { action: 'assign' }, admin, at).ticket;
    ticket = applyTransition(ticket, { action: 'resolve', note: 'kintoneの「申請管理」テンプレートを使えば作れます。花子さんには手順書を送りました（03-5742-6600）。' }, admin, at).ticket;
    return ticket;
  };

  it('when a resolved request is drafted, then the draft has its title, resolution, category and keywords, and none of the requester’s personal details', () => {
    const draft = draftFaqFromTicket(resolved(), person);
    expect(draft.question.ja).toBe('kintoneで申請受付アプリを作りたい（氏名）');
    expect(draft.answer.ja).toContain('「申請管理」テンプレート');
    expect(draft.category).toBe('tool');
    expect(draft.keywords).toContain('kintone');
    expect(draft.sourceTicket).toBe('DX-2026-0007');
    const everything = JSON.stringify(draft);
    for (const personal of ['大井', '花子', 'S1234567', '1234、', '090-1234-5678', '03-5742-6600', 'soudan.ooi', 'ooi.private@example.com', 'city.shinagawa.example']) {
      expect(everything).not.toContain(personal);
    }
    // What is not personal stays: the date is not a phone number.
    expect(draft.context).toContain('2026-04-01');
    expect(draft.context).toContain('（職員番号）');
  });

  it('when a request is not resolved, then 「FAQにする」 is refused with a message', () => {
    expect(() => draftFaqFromTicket(filed(), person)).toThrow(AppError);
  });

  it('when a name is written with or without its space, then both spellings go', () => {
    expect(removePersonalDetails('大井花子です。大井 花子より', person)).toBe('（氏名）です。（氏名）より');
  });
});
