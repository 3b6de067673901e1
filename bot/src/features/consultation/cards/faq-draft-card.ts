import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS } from '../domain/categories.js';
import { FAQ_QUESTION_MAX_CHARS } from '../domain/faq-rules.js';
import { CONSULTATION_INPUT_IDS, CONSULTATION_VERBS } from './consultation-verbs.js';

/** What the draft card shows in its fields: the server's draft, or what the admin typed before a refusal. */
export interface FaqDraftValues {
  category: string;
  question: { ja: string; en: string };
  answer: { ja: string; en: string };
  keywords: readonly string[];
}

/** Data of the 「公開」 button: the request the draft came from (the fields travel as the card's inputs). */
export interface FaqPublishData {
  sourceTicket: string;
}

// Bounds the fields offer; the rules (and their messages) are the FAQ's, checked on 公開.
const ANSWER_INPUT_MAX = 10_000;

/**
 * 「FAQにする」 in the desk channel: the entry drafted from a resolved request (personal details removed), every field
 * editable, and 「公開」, which goes through the same rules as the tab. A refusal redraws it with the message and
 * what was typed; once published the card says so and offers nothing to press twice.
 */
export function buildFaqDraftCard(data: { sourceTicket: string; values: FaqDraftValues; locale: Locale; errorMessage?: string; published?: { question: string } }): CardAttachment {
  const { locale, values } = data;
  const heading: CardElement = { type: 'TextBlock', text: t('consultFaqDraftTitle', locale, { number: data.sourceTicket }), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true };
  if (data.published) {
    return adaptiveCard({
      body: [
        heading,
        { type: 'TextBlock', text: t('consultFaqDraftPublished', locale, { question: data.published.question }), color: 'Good', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: t('consultFaqDraftPublishedNote', locale), wrap: true, isSubtle: true },
      ],
    });
  }
  const text = (id: string, label: string, value: string, options: { multiline?: boolean; maxLength: number }): CardElement => ({
    type: 'Input.Text',
    id,
    label,
    maxLength: options.maxLength,
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(value ? { value: [...value].slice(0, options.maxLength).join('') } : {}),
  });
  const publish: FaqPublishData = { sourceTicket: data.sourceTicket };
  const category = (CONSULTATION_CATEGORIES as readonly string[]).includes(values.category) ? values.category : 'other';
  return adaptiveCard({
    body: [
      heading,
      { type: 'TextBlock', text: t('consultFaqDraftIntro', locale), wrap: true, isSubtle: true },
      ...(data.errorMessage ? [{ type: 'TextBlock' as const, text: data.errorMessage, wrap: true, color: 'Attention' as const, weight: 'Bolder' as const }] : []),
      {
        type: 'Input.ChoiceSet',
        id: CONSULTATION_INPUT_IDS.faqCategory,
        label: t('consultFaqDraftCategory', locale),
        style: 'compact',
        choices: CONSULTATION_CATEGORIES.map((value) => ({ title: CONSULTATION_CATEGORY_LABELS[value][locale], value })),
        value: category,
      },
      text(CONSULTATION_INPUT_IDS.faqQuestionJa, t('consultFaqDraftQuestionJa', locale), values.question.ja, { maxLength: FAQ_QUESTION_MAX_CHARS }),
      text(CONSULTATION_INPUT_IDS.faqAnswerJa, t('consultFaqDraftAnswerJa', locale), values.answer.ja, { multiline: true, maxLength: ANSWER_INPUT_MAX }),
      text(CONSULTATION_INPUT_IDS.faqQuestionEn, t('consultFaqDraftQuestionEn', locale), values.question.en, { maxLength: FAQ_QUESTION_MAX_CHARS }),
      text(CONSULTATION_INPUT_IDS.faqAnswerEn, t('consultFaqDraftAnswerEn', locale), values.answer.en, { multiline: true, maxLength: ANSWER_INPUT_MAX }),
      text(CONSULTATION_INPUT_IDS.faqKeywords, t('consultFaqDraftKeywords', locale), values.keywords.join('、'), { maxLength: 1_000 }),
    ],
    actions: [{ type: 'Action.Execute', title: t('consultFaqDraftPublish', locale), verb: CONSULTATION_VERBS.faqPublish, data: { ...publish }, style: 'positive' }],
  });
}
