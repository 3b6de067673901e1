import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { CONSULTATION_CATEGORY_LABELS } from '../domain/categories.js';
import type { Ticket } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { formatJst, plainTextForCard } from './consultation-format.js';
import { t } from '../../../kernel/cards/messages.js';

const SHOWN = 20;

/** The desk channel's reminder: requests nobody took for 2 business days, oldest first. */
export function buildUnassignedReminderCard(data: { tickets: readonly Ticket[]; locale: Locale }): CardAttachment {
  const { locale } = data;
  const shown = data.tickets.slice(0, SHOWN);
  const rows: CardElement[] = shown.map((ticket) => ({
    type: 'TextBlock',
    text:
      locale === 'ja'
        ? `${ticket.number} ${plainTextForCard(ticket.title, 60, locale)}（${CONSULTATION_CATEGORY_LABELS[ticket.category][locale]}、${t('consultTicketFiled', locale)} ${formatJst(ticket.createdAt)}）`
        : `${ticket.number} ${plainTextForCard(ticket.title, 60, locale)} (${CONSULTATION_CATEGORY_LABELS[ticket.category][locale]}, ${t('consultTicketFiled', locale)} ${formatJst(ticket.createdAt)})`,
    wrap: true,
    spacing: 'Small',
  }));
  const hidden = data.tickets.length - shown.length;
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultReminderTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true, color: 'Attention' },
      { type: 'TextBlock', text: t('consultReminderBody', locale), wrap: true },
      ...rows,
      ...(hidden > 0 ? [{ type: 'TextBlock' as const, text: t('consultListMore', locale, { count: String(hidden) }), wrap: true, isSubtle: true }] : []),
    ],
  });
}
