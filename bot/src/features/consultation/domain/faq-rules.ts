import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { normalizeMultilineText, normalizeTitle } from '../../../kernel/domain/text.js';
import { findHtml, parseNewsMarkdown, type MarkdownProblem } from '../../news/domain/news-markdown.js';
import { CONSULTATION_CATEGORIES, type ConsultationCategory } from './categories.js';
import type { FaqEntry } from './faq-entries.js';

/**
 * The FAQ as デジタル推進課 edits it in the tab (issue 18): what an entry may hold, and the refusals (Japanese first,
 * English twin) that keep a bad entry out of the chat. Nothing is stored when any rule refuses.
 */

export const FAQ_STATUSES = ['active', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

/** An entry as stored: the searchable content plus who changed it last and whether the bot still answers with it. */
export interface StoredFaqEntry extends FaqEntry {
  status: FaqStatus;
  /** 1 on creation, +1 on every change; an edit names the version it was made from. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** The content an admin edits (an entry without its bookkeeping). */
export type FaqContent = Pick<FaqEntry, 'category' | 'question' | 'answer' | 'keywords'>;

export const FAQ_HISTORY_ACTIONS = ['seed', 'create', 'update', 'retire', 'restore'] as const;
export type FaqHistoryAction = (typeof FAQ_HISTORY_ACTIONS)[number];

/** One field as it was and as it became (keywords joined with 「、」). */
export interface FaqFieldChange {
  field: FaqField;
  before: string;
  after: string;
}
export const FAQ_FIELDS = ['category', 'question.ja', 'question.en', 'answer.ja', 'answer.en', 'keywords', 'status'] as const;
export type FaqField = (typeof FAQ_FIELDS)[number];

/** Who changed an entry, when, and what. */
export interface FaqHistoryEntry {
  entryId: string;
  /** The entry's version after this change. */
  version: number;
  at: string;
  actorId: string;
  actorName: string;
  action: FaqHistoryAction;
  changes: FaqFieldChange[];
}

/** What the tab sends, untrusted beyond its shape (the HTTP edge checks types and lengths). */
export interface FaqInput {
  category: string;
  question: { ja: string; en?: string | undefined };
  answer: { ja: string; en?: string | undefined };
  keywords: readonly string[];
}

export const FAQ_QUESTION_MAX_CHARS = 200;
export const FAQ_KEYWORD_MAX_CHARS = 40;
export const FAQ_KEYWORDS_MAX = 30;

/**
 * Teams refuses messages over about 28 KB, and an FAQ card shows up to three answers at once. So an answer must
 * fit three times over: the card holding this entry three times (with the longest question a person can type)
 * must stay under FAQ_CARD_MAX_BYTES, which leaves about 1 KB for the activity around it.
 */
export const FAQ_CARD_MAX_BYTES = 27 * 1024;

const refuse = (userMessage: LocalizedText, detail: string) => new AppError('invalid-input', { detail, userMessage });

const codePoints = (text: string) => [...text].length;

/** The form a question is compared in for duplicates: width (NFKC), case and runs of spaces do not count. */
export function questionKey(text: string): string {
  return normalizeTitle(text).toLowerCase().replace(/\s+/gu, '');
}

// Any scheme://, so a bare http:// or ftp:// in the text is caught as well as a Markdown link.
const URL_IN_TEXT = /\b([a-z][a-z0-9+.-]*):\/\/[^\s)\]>]*/giu;

function markdownRefusal(problem: MarkdownProblem, where: LocalizedText): AppError {
  switch (problem.kind) {
    case 'html':
      return refuse(
        { ja: `${where.ja}にHTMLタグ（${problem.excerpt}）は使えません。<script> などのタグを削除してください。`, en: `HTML tags (${problem.excerpt}) are not allowed in the ${where.en}. Remove tags such as <script>.` },
        `html in ${where.en}: ${problem.excerpt}`,
      );
    case 'insecure-link':
      return insecureLink(problem.url, where);
    case 'image':
      return refuse({ ja: `${where.ja}に画像は埋め込めません。`, en: `Images cannot be embedded in the ${where.en}.` }, `image in ${where.en}`);
  }
}

const insecureLink = (url: string, where: LocalizedText) =>
  refuse(
    { ja: `${where.ja}のリンクは https:// で始まるURLにしてください（${url}）。`, en: `Links in the ${where.en} must start with https:// (${url}).` },
    `insecure link in ${where.en}: ${url}`,
  );

const LABELS = {
  questionJa: { ja: '質問（日本語）', en: 'Japanese question' },
  questionEn: { ja: '質問（英語）', en: 'English question' },
  answerJa: { ja: '回答（日本語）', en: 'Japanese answer' },
  answerEn: { ja: '回答（英語）', en: 'English answer' },
  keywords: { ja: 'キーワード', en: 'keywords' },
} as const satisfies Record<string, LocalizedText>;

function checkQuestion(raw: string | undefined, label: LocalizedText): string {
  const question = normalizeTitle(raw ?? '');
  const html = findHtml(question);
  if (html) throw markdownRefusal({ kind: 'html', excerpt: html }, label);
  if (codePoints(question) > FAQ_QUESTION_MAX_CHARS) {
    throw refuse({ ja: `${label.ja}は${FAQ_QUESTION_MAX_CHARS}文字以内で入力してください。`, en: `The ${label.en} must be at most ${FAQ_QUESTION_MAX_CHARS} characters.` }, `long question`);
  }
  return question;
}

function checkAnswer(raw: string | undefined, label: LocalizedText): string {
  const answer = normalizeMultilineText(raw ?? '').trim();
  const parsed = parseNewsMarkdown(answer);
  if (!parsed.ok) throw markdownRefusal(parsed.problem, label);
  for (const match of answer.matchAll(URL_IN_TEXT)) {
    if ((match[1] ?? '').toLowerCase() !== 'https') throw insecureLink(match[0].slice(0, 80), label);
  }
  // A scheme without slashes (javascript:alert(1)) inside a link target: parseNewsMarkdown already refused it.
  return answer;
}

function checkKeywords(raw: readonly string[]): string[] {
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    const keyword = normalizeTitle(value);
    if (!keyword) continue;
    const html = findHtml(keyword);
    if (html) throw markdownRefusal({ kind: 'html', excerpt: html }, LABELS.keywords);
    if (codePoints(keyword) > FAQ_KEYWORD_MAX_CHARS) {
      throw refuse({ ja: `キーワードは1つ${FAQ_KEYWORD_MAX_CHARS}文字以内にしてください（${keyword.slice(0, 20)}…）。`, en: `Each keyword must be at most ${FAQ_KEYWORD_MAX_CHARS} characters.` }, 'long keyword');
    }
    const key = keyword.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  if (keywords.length > FAQ_KEYWORDS_MAX) {
    throw refuse({ ja: `キーワードは${FAQ_KEYWORDS_MAX}個までです。`, en: `At most ${FAQ_KEYWORDS_MAX} keywords.` }, 'too many keywords');
  }
  return keywords;
}

/**
 * Checks an entry as an admin wrote it and returns the content to store, or refuses naming the first problem:
 * no Japanese question or answer, an English question without its answer (or the reverse), HTML in any field, a
 * link that is not https, an unknown category, a question another live entry already asks (width, case and spaces
 * ignored), or an answer too long for the card. `others` are the live entries except the one being edited;
 * `cardBytes` measures the card built from the content (the worst case: three such answers on one card).
 */
export function validateFaqContent(input: FaqInput, context: { others: readonly FaqEntry[]; cardBytes: (content: FaqContent) => number }): FaqContent {
  const question = { ja: checkQuestion(input.question.ja, LABELS.questionJa), en: checkQuestion(input.question.en, LABELS.questionEn) };
  const answer = { ja: checkAnswer(input.answer.ja, LABELS.answerJa), en: checkAnswer(input.answer.en, LABELS.answerEn) };
  if (!question.ja) throw refuse({ ja: '質問（日本語）を入力してください。', en: 'Enter the question in Japanese.' }, 'no question');
  if (!answer.ja) throw refuse({ ja: '回答（日本語）を入力してください。', en: 'Enter the answer in Japanese.' }, 'no answer');
  if (Boolean(question.en) !== Boolean(answer.en)) {
    throw refuse(
      { ja: '英語の質問と回答は両方入力するか、両方空にしてください（空のときは英語の利用者にも日本語で表示します）。', en: 'Enter both the English question and answer, or neither (then English users see the Japanese).' },
      'english half missing',
    );
  }
  if (!(CONSULTATION_CATEGORIES as readonly string[]).includes(input.category)) {
    throw refuse({ ja: `分類「${input.category.slice(0, 40)}」はありません。`, en: `There is no category "${input.category.slice(0, 40)}".` }, 'unknown category');
  }
  const content: FaqContent = { category: input.category as ConsultationCategory, question, answer, keywords: checkKeywords(input.keywords) };

  for (const locale of ['ja', 'en'] as const) {
    const key = questionKey(question[locale]);
    if (!key) continue;
    const twin = context.others.find((other) => questionKey(other.question[locale]) === key);
    if (twin) {
      throw refuse(
        { ja: `同じ質問のFAQがすでにあります（「${twin.question.ja}」）。その項目を編集してください。`, en: `An FAQ entry with the same question already exists ("${twin.question.en || twin.question.ja}"). Edit that entry instead.` },
        `duplicate question of ${twin.id}`,
      );
    }
  }

  const bytes = context.cardBytes(content);
  if (bytes > FAQ_CARD_MAX_BYTES) {
    const kb = (value: number) => (value / 1024).toFixed(1);
    throw refuse(
      {
        ja: `回答が長すぎます。FAQカードは回答を3件まで表示するため、この長さでは Teams のカードの上限（約${kb(FAQ_CARD_MAX_BYTES)}KB）を超えます（${kb(bytes)}KB）。回答を短くしてください。`,
        en: `The answer is too long: an FAQ card shows up to three answers, and at this length it would be ${kb(bytes)} KB, over Teams' limit of about ${kb(FAQ_CARD_MAX_BYTES)} KB. Shorten the answer.`,
      },
      `card ${bytes} bytes`,
    );
  }
  return content;
}

const fieldValues = (content: FaqContent): Record<Exclude<FaqField, 'status'>, string> => ({
  category: content.category,
  'question.ja': content.question.ja,
  'question.en': content.question.en,
  'answer.ja': content.answer.ja,
  'answer.en': content.answer.en,
  keywords: content.keywords.join('、'),
});

/** What an edit changed, field by field (none when the admin saved the same text). */
export function faqChanges(before: FaqContent | undefined, after: FaqContent): FaqFieldChange[] {
  const old = before ? fieldValues(before) : undefined;
  const next = fieldValues(after);
  return (Object.keys(next) as (keyof typeof next)[]).filter((field) => (old?.[field] ?? '') !== next[field]).map((field) => ({ field, before: old?.[field] ?? '', after: next[field] }));
}

/** The text an entry shows in a language: its English, or its Japanese when it has no English. */
export function faqText(text: LocalizedText, locale: 'ja' | 'en'): string {
  return text[locale] || text.ja;
}
