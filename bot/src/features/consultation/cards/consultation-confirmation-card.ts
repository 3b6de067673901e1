import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import type { Ticket } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment } from '../../../kernel/cards/adaptive-card.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { COMMAND_LABELS, t } from '../../../kernel/cards/messages.js';
import { ticketActionData, ticketFacts } from './ticket-card.js';

/**
 * Replaces the submitted form: the ticket number and what happens next (no inputs left to submit twice). `note`
 * adds a line, e.g. that no desk channel is set and the division will see the request in the tab.
 */
export function buildConsultationConfirmationCard(data: { ticket: Ticket; locale: Locale; note?: string }): CardAttachment {
  const { ticket, locale } = data;
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultConfirmedTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true, color: 'Good' },
      { type: 'TextBlock', text: t('consultConfirmedBody', locale, { number: ticket.number }), wrap: true },
      ...(data.note ? [{ type: 'TextBlock' as const, text: data.note, wrap: true, isSubtle: true }] : []),
      { type: 'TextBlock', text: plainText(ticket.title), weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts: ticketFacts(ticket, locale).filter((fact) => fact.title !== t('consultTicketRequester', locale)) },
    ],
    actions: [
      { type: 'Action.Execute', title: t('consultListOpen', locale, { number: ticket.number }), verb: CONSULTATION_VERBS.openTicket, data: { ...ticketActionData(ticket) } },
      { type: 'Action.Execute', title: COMMAND_LABELS['consult-status'][locale], verb: CONSULTATION_VERBS.listMine },
    ],
  });
}
