import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { Ticket } from '../domain/tickets.js';
import { actionRows, adaptiveCard, type CardAttachment } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { ratingActions } from './ticket-card.js';

/**
 * Sent to the requester on resolution: rate 1–5 (the programme's process evaluation). Once the ticket carries a
 * rating the card shows the thanks instead of buttons, so it can replace itself after the click.
 */
export function buildSatisfactionCard(data: { ticket: Ticket; locale: Locale }): CardAttachment {
  const { ticket, locale } = data;
  const title = plainText(ticket.title.length > 60 ? `${[...ticket.title].slice(0, 60).join('')}…` : ticket.title);
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultSatisfactionTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      ticket.rating
        ? { type: 'TextBlock', text: t('consultSatisfactionThanks', locale, { rating: String(ticket.rating) }), wrap: true, color: 'Good' }
        : { type: 'TextBlock', text: t('consultSatisfactionBody', locale, { title, number: ticket.number }), wrap: true },
      ...(ticket.rating || ticket.status !== 'resolved' ? [] : actionRows(ratingActions(ticket, 'satisfaction'), 5)),
    ],
  });
}
