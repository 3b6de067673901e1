import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { TICKET_STATUS_LABELS, type Ticket } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { formatJst } from './consultation-format.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { COMMAND_LABELS, t } from '../../../kernel/cards/messages.js';
import { ticketActionData } from './ticket-card.js';

const SHOWN = 10;

/** 「相談状況」: the employee's tickets (newest first as given) with status and assignee; each can be opened. */
export function buildTicketListCard(data: { tickets: readonly Ticket[]; locale: Locale }): CardAttachment {
  const { locale } = data;
  const shown = data.tickets.slice(0, SHOWN);
  const hidden = data.tickets.length - shown.length;
  const rows: CardElement[] = shown.map((ticket) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: `${ticket.number} ${plainText(ticket.title)}`, weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: [
          `${t('consultTicketStatus', locale)}: ${TICKET_STATUS_LABELS[ticket.status][locale]}`,
          `${t('consultTicketAssignee', locale)}: ${ticket.assigneeName ? plainText(ticket.assigneeName) : t('consultTicketUnassigned', locale)}`,
          `${t('consultTicketUpdated', locale)}: ${formatJst(ticket.updatedAt)}`,
        ].join(' / '),
        wrap: true,
        isSubtle: true,
        spacing: 'Small',
      },
      {
        type: 'ActionSet',
        spacing: 'Small',
        actions: [{ type: 'Action.Execute', title: t('consultListOpen', locale, { number: ticket.number }), verb: CONSULTATION_VERBS.openTicket, data: { ...ticketActionData(ticket) } }],
      },
    ],
  }));
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: COMMAND_LABELS['consult-status'][locale], size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      ...(shown.length === 0 ? [{ type: 'TextBlock' as const, text: t('consultListEmpty', locale), wrap: true }] : rows),
      ...(hidden > 0 ? [{ type: 'TextBlock' as const, text: t('consultListMore', locale, { count: String(hidden) }), wrap: true, isSubtle: true }] : []),
    ],
    actions: [{ type: 'Action.Execute', title: t('consultFaqAsk', locale), verb: CONSULTATION_VERBS.openForm, data: { title: '' } }],
  });
}
