import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import type { Ticket, TicketHistoryEntry } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { plainTextForCard } from './consultation-format.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { t, type MessageKey } from '../../../kernel/cards/messages.js';
import { ticketActionData, ticketFacts } from './ticket-card.js';

/** The changes a requester is told about (someone else's action on their ticket). */
export type NoticeAction = 'assign' | 'reassign' | 'comment' | 'resolve';

const TITLES: Record<NoticeAction, { title: MessageKey; body: MessageKey }> = {
  assign: { title: 'consultNoticeAssigned', body: 'consultNoticeAssignedBody' },
  reassign: { title: 'consultNoticeAssigned', body: 'consultNoticeAssignedBody' },
  comment: { title: 'consultNoticeComment', body: 'consultNoticeCommentBody' },
  resolve: { title: 'consultNoticeResolved', body: 'consultNoticeResolvedBody' },
};

const TEXT_SHOWN = 1_500;

/**
 * Sent to the requester's personal chat when デジタル推進課 takes, comments on or resolves their request: what
 * happened, by whom, the text, and the ticket's facts; 「開く」 shows the full ticket card to reply or reopen.
 */
export function buildTicketNoticeCard(data: { ticket: Ticket; entry: TicketHistoryEntry & { action: NoticeAction }; locale: Locale }): CardAttachment {
  const { ticket, entry, locale } = data;
  const keys = TITLES[entry.action];
  const assignment = entry.action === 'assign' || entry.action === 'reassign';
  // An assignment names who handles the request (possibly a colleague the actor chose), not who clicked.
  const name = assignment ? (ticket.assigneeName ?? entry.actorName) : entry.actorName;
  const text: CardElement[] = entry.text && !assignment
    ? [{ type: 'TextBlock', text: plainTextForCard(entry.text, TEXT_SHOWN, locale), wrap: true, spacing: 'Small' }]
    : [];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t(keys.title, locale, { number: ticket.number }), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: plainText(ticket.title), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: t(keys.body, locale, { name: plainText(name) }), wrap: true },
      ...text,
      { type: 'FactSet', facts: ticketFacts(ticket, locale).filter((fact) => fact.title !== t('consultTicketRequester', locale)) },
    ],
    actions: [{ type: 'Action.Execute', title: t('consultListOpen', locale, { number: ticket.number }), verb: CONSULTATION_VERBS.openTicket, data: { ...ticketActionData(ticket) } }],
  });
}
