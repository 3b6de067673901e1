import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { adaptiveCard, type CardAttachment } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

/** Replaces the FAQ card after 「解決しました」: thanks, and how to ask more (no button left to press twice). */
export function buildFaqResolvedCard(data: { locale: Locale }): CardAttachment {
  const { locale } = data;
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultFaqThanksTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true, color: 'Good' },
      { type: 'TextBlock', text: t('consultFaqThanksBody', locale), wrap: true },
    ],
  });
}
