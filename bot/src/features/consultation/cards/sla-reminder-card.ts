import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import type { SlaClock, SlaClockName } from '../domain/sla.js';
import type { Ticket } from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment } from '../../../kernel/cards/adaptive-card.js';
import { formatJst } from './consultation-format.js';
import { CONSULTATION_VERBS } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';
import { ticketActionData, ticketFacts } from './ticket-card.js';

/** One SLA clock ran out: which request, which clock, when it was due; 「開く」 shows the ticket. */
export function buildSlaReminderCard(data: { ticket: Ticket; which: SlaClockName; clock: SlaClock; locale: Locale; openable: boolean }): CardAttachment {
  const { ticket, which, clock, locale } = data;
  const what = t(which === 'first-response' ? 'consultSlaFirstResponse' : 'consultSlaResolution', locale);
  const due = which === 'first-response' ? clock.firstResponseDueAt : clock.resolutionDueAt;
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultSlaReminderTitle', locale, { number: ticket.number, what }), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true, color: 'Attention' },
      { type: 'TextBlock', text: plainText(ticket.title), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: t('consultSlaReminderBody', locale, { due: formatJst(due) }), wrap: true },
      { type: 'FactSet', facts: ticketFacts(ticket, locale) },
    ],
    ...(data.openable
      ? { actions: [{ type: 'Action.Execute', title: t('consultListOpen', locale, { number: ticket.number }), verb: CONSULTATION_VERBS.openTicket, data: { ...ticketActionData(ticket) } }] }
      : {}),
  });
}
