import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { CONSULTATION_CATEGORY_LABELS } from '../domain/categories.js';
import {
  canApply,
  PREFERRED_CONTACT_LABELS,
  TEXT_MAX_LENGTH,
  TICKET_ACTION_LABELS,
  TICKET_ACTIONS,
  TICKET_STATUS_LABELS,
  URGENCY_LABELS,
  type Ticket,
  type TicketAction,
  type TicketActor,
  type TicketHistoryEntry,
} from '../domain/tickets.js';
import { adaptiveCard, type CardAction, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { formatJst, plainTextForCard } from './consultation-format.js';
import { CONSULTATION_INPUT_IDS, CONSULTATION_VERBS, TICKET_ACTION_VERBS, type TicketActionData } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';
import type { DivisionColleague } from '../domain/consultation-service.js';
import { isOverdue, type SlaClock } from '../domain/sla.js';

// Size budget (Teams refuses cards over 28 KB): full details (4,000 characters are up to 16 KB of UTF-8), the
// latest history entries with their text cut short, and the resolution cut short; the tab shows everything.
const HISTORY_SHOWN = 4;
const HISTORY_TEXT_SHOWN = 200;
const RESOLUTION_SHOWN = 500;

export function ticketActionData(ticket: Ticket): TicketActionData {
  return { ticketNumber: ticket.number, version: ticket.version };
}

/** The facts every ticket card shows. */
export function ticketFacts(ticket: Ticket, locale: Locale): { title: string; value: string }[] {
  return [
    { title: t('consultTicketNumber', locale), value: ticket.number },
    { title: t('consultTicketStatus', locale), value: TICKET_STATUS_LABELS[ticket.status][locale] },
    { title: t('consultFieldCategory', locale), value: CONSULTATION_CATEGORY_LABELS[ticket.category][locale] },
    { title: t('consultTicketRequester', locale), value: plainText(ticket.requesterName) },
    { title: t('consultTicketAssignee', locale), value: ticket.assigneeName ? plainText(ticket.assigneeName) : t('consultTicketUnassigned', locale) },
    { title: t('consultFieldPreferredContact', locale), value: PREFERRED_CONTACT_LABELS[ticket.preferredContact][locale] },
    { title: t('consultFieldUrgency', locale), value: URGENCY_LABELS[ticket.urgency][locale] },
    { title: t('consultTicketFiled', locale), value: formatJst(ticket.createdAt) },
    ...(ticket.rating ? [{ title: t('consultTicketRating', locale), value: `${ticket.rating} / 5` }] : []),
  ];
}

export const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * The five rating buttons (used by the ticket card and the satisfaction card). `on` names the card they sit on, so
 * the answer is that card's own next state: the satisfaction card thanks, the ticket card redraws itself.
 */
export function ratingActions(ticket: Ticket, on: 'ticket' | 'satisfaction' = 'ticket'): CardAction[] {
  return RATINGS.map((rating) => ({
    type: 'Action.Execute',
    title: String(rating),
    verb: CONSULTATION_VERBS.rate,
    data: { ...ticketActionData(ticket), rating, ...(on === 'satisfaction' ? { card: 'satisfaction' } : {}) },
  }));
}

function textAction(ticket: Ticket, action: TicketAction, input: { id: string; label: string; required: boolean }, send: string, locale: Locale): CardAction {
  return {
    type: 'Action.ShowCard',
    title: TICKET_ACTION_LABELS[action][locale],
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: input.id,
          label: input.label,
          isMultiline: true,
          maxLength: TEXT_MAX_LENGTH,
          ...(input.required ? { isRequired: true, errorMessage: t('consultRequired', locale) } : {}),
        },
      ],
      actions: [{ type: 'Action.Execute', title: send, verb: TICKET_ACTION_VERBS[action], data: { ...ticketActionData(ticket) } }],
    },
  };
}

/** 担当者を指定 / 担当者を変更: a choice of デジタル推進課's members (the current assignee left out). */
function assigneeAction(ticket: Ticket, action: 'assign' | 'reassign', colleagues: readonly DivisionColleague[], locale: Locale): CardAction | undefined {
  const choices = colleagues.filter((colleague) => colleague.id !== ticket.assigneeId);
  if (choices.length === 0) return undefined;
  return {
    type: 'Action.ShowCard',
    title: action === 'assign' ? t('consultAssignOther', locale) : TICKET_ACTION_LABELS.reassign[locale],
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: CONSULTATION_INPUT_IDS.assigneeId,
          label: t('consultAssigneeChoice', locale),
          style: 'compact',
          isRequired: true,
          errorMessage: t('consultRequired', locale),
          choices: choices.map((colleague) => ({ title: plainText(colleague.name), value: colleague.id })),
        },
      ],
      actions: [{ type: 'Action.Execute', title: t('consultAssignSend', locale), verb: TICKET_ACTION_VERBS[action], data: { ...ticketActionData(ticket) } }],
    },
  };
}

/**
 * The card's buttons for one allowed action. Choosing a colleague needs the division's list; a card drawn without it
 * (the requester's, an admin's own) offers 担当する only. One chooser at most (Teams allows 5 actions and unique input
 * ids): 担当者を指定 while nobody holds the ticket, 担当者を変更 once someone does.
 */
function actionsFor(ticket: Ticket, action: TicketAction, locale: Locale, colleagues: readonly DivisionColleague[] | undefined): CardAction[] {
  const held = ticket.assigneeId !== undefined;
  if (action === 'reassign') {
    const choose = colleagues && held && assigneeAction(ticket, action, colleagues, locale);
    return choose ? [choose] : [];
  }
  const own = actionFor(ticket, action, locale);
  if (action === 'assign' && colleagues && !held) {
    const choose = assigneeAction(ticket, action, colleagues, locale);
    return choose ? [own, choose] : [own];
  }
  return [own];
}

function actionFor(ticket: Ticket, action: TicketAction, locale: Locale): CardAction {
  switch (action) {
    case 'comment':
      return textAction(ticket, action, { id: CONSULTATION_INPUT_IDS.comment, label: t('consultCommentLabel', locale), required: true }, t('consultCommentSend', locale), locale);
    case 'resolve':
      return textAction(ticket, action, { id: CONSULTATION_INPUT_IDS.resolutionNote, label: t('consultResolutionLabel', locale), required: true }, t('consultResolveSend', locale), locale);
    case 'reopen':
      return textAction(ticket, action, { id: CONSULTATION_INPUT_IDS.reopenReason, label: t('consultReopenReasonLabel', locale), required: false }, t('consultReopenSend', locale), locale);
    case 'rate':
      return { type: 'Action.ShowCard', title: TICKET_ACTION_LABELS.rate[locale], card: { type: 'AdaptiveCard', body: [{ type: 'ActionSet', actions: ratingActions(ticket) }] } };
    default:
      return { type: 'Action.Execute', title: TICKET_ACTION_LABELS[action][locale], verb: TICKET_ACTION_VERBS[action], data: { ...ticketActionData(ticket) } };
  }
}

function historyItems(history: readonly TicketHistoryEntry[], locale: Locale): CardElement[] {
  const shown = history.slice(-HISTORY_SHOWN);
  const hidden = history.length - shown.length;
  return [
    { type: 'TextBlock', text: t('consultTicketHistory', locale), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...(hidden > 0 ? [{ type: 'TextBlock' as const, text: t('consultTicketHistoryMore', locale, { count: String(hidden) }), isSubtle: true, wrap: true, spacing: 'Small' as const }] : []),
    ...shown.flatMap((entry): CardElement[] => {
      const what = entry.action === 'rate' && entry.rating ? locale === 'ja' ? `${TICKET_ACTION_LABELS.rate[locale]}（${entry.rating} / 5）` : `${TICKET_ACTION_LABELS.rate[locale]} (${entry.rating} / 5)` : TICKET_ACTION_LABELS[entry.action][locale];
      return [
        { type: 'TextBlock', text: `${formatJst(entry.at)} ${plainText(entry.actorName)}: ${what}`, wrap: true, spacing: 'Small', size: 'Small' },
        ...(entry.text ? [{ type: 'TextBlock' as const, text: plainTextForCard(entry.text, HISTORY_TEXT_SHOWN, locale), wrap: true, isSubtle: true, spacing: 'None' as const, size: 'Small' as const }] : []),
      ];
    }),
  ];
}

/**
 * One ticket with its status, assignee and recent history. The buttons are exactly the actions the transition
 * table allows this viewer now (the channel card is drawn for an admin viewer, the requester's for them); each
 * carries the ticket's version so a click on an outdated card is caught. `errorMessage` explains a refused action;
 * `refreshUserIds` asks Teams to fetch the current card for those users (Universal Actions).
 */
export function buildTicketCard(data: {
  ticket: Ticket;
  history: readonly TicketHistoryEntry[];
  viewer: Pick<TicketActor, 'id' | 'isAdmin'>;
  locale: Locale;
  errorMessage?: string;
  refreshUserIds?: string[];
  /** The desk's card: デジタル推進課's members, so a ticket can be given to a named colleague or handed over. */
  colleagues?: readonly DivisionColleague[];
  /** The desk's card: the SLA clocks when it was drawn (due times, and a flag once one ran out). */
  sla?: SlaClock;
}): CardAttachment {
  const { ticket, locale, sla } = data;
  const overdue = sla !== undefined && isOverdue(sla, ticket.status);
  const late = (flag: boolean) => (flag ? t('consultSlaOverdueMark', locale) : '');
  const slaFacts = sla
    ? [
        { title: t('consultSlaFirstResponse', locale), value: `${formatJst(sla.firstResponseDueAt)}${late(sla.firstResponseOverdue && !ticket.firstResponseAt)}` },
        { title: t('consultSlaResolution', locale), value: `${formatJst(sla.resolutionDueAt)}${late(overdue && sla.resolutionOverdue)}` },
      ]
    : [];
  const overdueWhat = sla
    ? [...(sla.firstResponseOverdue && !ticket.firstResponseAt ? [t('consultSlaFirstResponse', locale)] : []), ...(sla.resolutionOverdue ? [t('consultSlaResolution', locale)] : [])].join(locale === 'ja' ? '・' : ', ')
    : '';
  const actions = TICKET_ACTIONS.filter((action) => canApply(ticket, action, data.viewer)).flatMap((action) => actionsFor(ticket, action, locale, data.colleagues));
  // The desk's card of a request resolved with a note: 「FAQにする」 drafts an FAQ entry from it (issue 18).
  const deskCard = data.colleagues !== undefined && data.viewer.isAdmin;
  if (deskCard && (ticket.status === 'resolved' || ticket.status === 'closed') && ticket.resolution) {
    actions.push({ type: 'Action.Execute', title: t('consultMakeFaq', locale), verb: CONSULTATION_VERBS.faqDraft, data: { ...ticketActionData(ticket) } });
  }
  return adaptiveCard({
    body: [
      ...(data.errorMessage ? [{ type: 'TextBlock' as const, text: data.errorMessage, wrap: true, color: 'Attention' as const, weight: 'Bolder' as const }] : []),
      ...(overdue && overdueWhat
        ? [{ type: 'TextBlock' as const, text: t('consultSlaOverdueBanner', locale, { what: overdueWhat }), wrap: true, color: 'Attention' as const, weight: 'Bolder' as const }]
        : []),
      { type: 'TextBlock', text: `${ticket.number} ${plainText(ticket.title)}`, size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'FactSet', facts: [...ticketFacts(ticket, locale), ...slaFacts] },
      { type: 'TextBlock', text: t('consultFieldDetails', locale), weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: plainText(ticket.details), wrap: true, spacing: 'Small' },
      ...(ticket.resolution
        ? [
            { type: 'TextBlock' as const, text: t('consultTicketResolution', locale), weight: 'Bolder' as const, wrap: true, spacing: 'Medium' as const },
            { type: 'TextBlock' as const, text: plainTextForCard(ticket.resolution, RESOLUTION_SHOWN, locale), wrap: true, spacing: 'Small' as const },
          ]
        : []),
      ...historyItems(data.history, locale),
    ],
    actions,
    ...(data.refreshUserIds && data.refreshUserIds.length > 0
      ? { refresh: { action: { type: 'Action.Execute', verb: CONSULTATION_VERBS.refreshTicket, data: { ticketNumber: ticket.number } }, userIds: data.refreshUserIds } }
      : {}),
  });
}
