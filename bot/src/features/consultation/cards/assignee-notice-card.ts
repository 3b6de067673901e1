import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import type { Ticket, TicketHistoryEntry } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment } from '../../../kernel/cards/adaptive-card.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';
import { ticketActionData, ticketFacts } from './ticket-card.js';

/**
 * Sent to a colleague of デジタル推進課 when someone else assigns a ticket to them (担当者を指定 / 担当者を変更): which
 * request, who gave it, its facts; 「開く」 shows the full ticket card in their chat.
 */
export function buildAssigneeNoticeCard(data: { ticket: Ticket; entry: TicketHistoryEntry; locale: Locale }): CardAttachment {
  const { ticket, entry, locale } = data;
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultNoticeYouAssigned', locale, { number: ticket.number }), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: plainText(ticket.title), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: t('consultNoticeYouAssignedBody', locale, { name: plainText(entry.actorName) }), wrap: true },
      { type: 'FactSet', facts: ticketFacts(ticket, locale) },
    ],
    actions: [{ type: 'Action.Execute', title: t('consultListOpen', locale, { number: ticket.number }), verb: CONSULTATION_VERBS.openTicket, data: { ...ticketActionData(ticket) } }],
  });
}
