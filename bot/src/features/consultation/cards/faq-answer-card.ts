import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { FaqEntry } from '../domain/faq-entries.js';
import { faqText, type FaqContent } from '../domain/faq-rules.js';
import { FAQ_QUERY_MAX_CHARS } from '../domain/faq-search.js';
import { blockToTextBlockMarkdown, parseNewsMarkdown } from '../../news/domain/news-markdown.js';
import { adaptiveCard, type CardAction, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { plainTextForCard } from './consultation-format.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';
import { setBounded } from '../../../kernel/domain/bounded-map.js';

/** Data of the FAQ card's buttons. */
export interface FaqResolvedData {
  query: string;
  faqIds: string[];
}
export interface OpenFormData {
  /** The employee's question, offered as the form's title. */
  title: string;
}

const QUERY_SHOWN = 100;
const TITLE_MAX = 200;

/**
 * An answer in デジタル推進課's Markdown subset (paragraphs, lists, **bold**, https links), one TextBlock per block:
 * TextBlocks render exactly that subset. Stored answers were validated; one that no longer parses (a hand-edited
 * row) is shown as one plain block rather than lost.
 */
function answerBlocks(answer: string): CardElement[] {
  let texts = answerTexts.get(answer);
  if (!texts) {
    const parsed = parseNewsMarkdown(answer);
    texts = parsed.ok ? parsed.blocks.map(blockToTextBlockMarkdown) : [answer];
    setBounded(answerTexts, answer, texts, ANSWER_TEXTS_KEPT);
  }
  return texts.map((text) => ({ type: 'TextBlock' as const, text, wrap: true, spacing: 'Small' as const }));
}
/**
 * Answers already turned into TextBlock Markdown, by answer text: a crowd asking after a news card is shown the
 * same few answers, and each parse cost about 10 µs of the bot's thread per answer shown. Keyed by the text itself,
 * so an edited answer is parsed afresh; bounded, so hand-edited rows cannot grow it.
 */
const answerTexts = new Map<string, string[]>();
const ANSWER_TEXTS_KEPT = 400;

/**
 * The size an entry's answers can make an FAQ card reach: the card shows up to three answers, so the entry is
 * measured three times over, under the longest question a person can type, in the larger of its two languages.
 */
export function faqCardWorstBytes(content: FaqContent): number {
  const entry: FaqEntry = { id: 'preview', ...content };
  const query = '質'.repeat(FAQ_QUERY_MAX_CHARS);
  const bytes = (locale: Locale) => new TextEncoder().encode(JSON.stringify(buildFaqAnswerCard({ query, entries: [entry, entry, entry], locale }).content)).length;
  return Math.max(bytes('ja'), bytes('en'));
}

/**
 * The best FAQ answers to a free-text question, with 「解決しました」 and 「相談する」. With no entry (nothing reached
 * the search's relevance floor) it says plainly that no FAQ fits and 「相談する」, prefilled with the question, is
 * the one action. `resolved` is the card's next state after 「解決しました」: the same answers, marked 解決済み,
 * with no button left to press twice.
 */
export function buildFaqAnswerCard(data: { query: string; entries: readonly FaqEntry[]; locale: Locale; resolved?: boolean }): CardAttachment {
  const { locale } = data;
  // The question is typed text: shown as text, never as Markdown links or images.
  const query = plainTextForCard(data.query.trim(), QUERY_SHOWN, locale);
  const openForm: OpenFormData = { title: [...data.query.trim()].slice(0, TITLE_MAX).join('') };
  const ask: CardAction = { type: 'Action.Execute', title: t('consultFaqAsk', locale), verb: CONSULTATION_VERBS.openForm, data: { ...openForm }, style: 'positive' };
  if (data.entries.length === 0) {
    return adaptiveCard({
      body: [
        { type: 'TextBlock', text: t('consultFaqNoneTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
        { type: 'TextBlock', text: t('consultFaqNone', locale, { query }), wrap: true },
      ],
      actions: [ask],
    });
  }
  const answers: CardElement[] = data.entries.map((entry) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [{ type: 'TextBlock', text: faqText(entry.question, locale), weight: 'Bolder', wrap: true }, ...answerBlocks(faqText(entry.answer, locale))],
  }));
  const solved: FaqResolvedData = { query: openForm.title, faqIds: data.entries.map((entry) => entry.id) };
  return adaptiveCard({
    body: [
      ...(data.resolved ? [{ type: 'TextBlock' as const, text: t('consultFaqResolvedMark', locale), weight: 'Bolder' as const, color: 'Good' as const, wrap: true }] : []),
      { type: 'TextBlock', text: t('consultFaqTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t('consultFaqIntro', locale, { query }), wrap: true, isSubtle: true },
      ...answers,
      ...(data.resolved ? [{ type: 'TextBlock' as const, text: t('consultFaqThanksBody', locale), wrap: true, isSubtle: true, spacing: 'Medium' as const }] : []),
    ],
    actions: data.resolved ? [] : [{ type: 'Action.Execute', title: t('consultFaqSolved', locale), verb: CONSULTATION_VERBS.faqResolved, data: { ...solved } }, ask],
  });
}
