import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { FaqEntry } from '../domain/faq-entries.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { truncateForCard } from './consultation-format.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';

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

/** The best FAQ answers to a free-text question, with 「解決しました」 and 「相談する」. */
export function buildFaqAnswerCard(data: { query: string; entries: readonly FaqEntry[]; locale: Locale }): CardAttachment {
  const { locale } = data;
  const query = truncateForCard(data.query.trim(), QUERY_SHOWN, locale);
  const answers: CardElement[] = data.entries.map((entry) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: entry.question[locale], weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: entry.answer[locale], wrap: true, spacing: 'Small' },
    ],
  }));
  const openForm: OpenFormData = { title: [...data.query.trim()].slice(0, TITLE_MAX).join('') };
  const solved: FaqResolvedData = { query: openForm.title, faqIds: data.entries.map((entry) => entry.id) };
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultFaqTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      {
        type: 'TextBlock',
        text: t(data.entries.length > 0 ? 'consultFaqIntro' : 'consultFaqNone', locale, { query }),
        wrap: true,
        isSubtle: data.entries.length > 0,
      },
      ...answers,
    ],
    actions: [
      ...(data.entries.length > 0
        ? [{ type: 'Action.Execute' as const, title: t('consultFaqSolved', locale), verb: CONSULTATION_VERBS.faqResolved, data: { ...solved } }]
        : []),
      { type: 'Action.Execute', title: t('consultFaqAsk', locale), verb: CONSULTATION_VERBS.openForm, data: { ...openForm }, style: 'positive' },
    ],
  });
}
