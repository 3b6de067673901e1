import type { TicketAction } from '../domain/tickets.js';

/** Action.Execute verbs of the DX相談 cards, shared by the card builders and the handlers that answer them. */
export const CONSULTATION_VERBS = {
  /** FAQ card: 「相談する」 opens the form, prefilled with the question. */
  openForm: 'consult.open-form',
  /** FAQ card: 「解決しました」 (the FAQ answered it; feeds FAQ statistics). */
  faqResolved: 'consult.faq-resolved',
  /** Form card: creates the ticket; data carries the form's submissionId. */
  submit: 'consult.submit',
  /** 「相談状況」: the requester's ticket list. */
  listMine: 'consult.list-mine',
  /** Opens one ticket's card. */
  openTicket: 'consult.open-ticket',
  /** Universal Actions refresh of a ticket card. */
  refreshTicket: 'consult.refresh-ticket',
  assign: 'consult.assign',
  reassign: 'consult.reassign',
  start: 'consult.start',
  comment: 'consult.comment',
  resolve: 'consult.resolve',
  reopen: 'consult.reopen',
  close: 'consult.close',
  rate: 'consult.rate',
  /** Desk card of a resolved request: 「FAQにする」 drafts an FAQ entry from it (a new message with the draft). */
  faqDraft: 'consult.faq-draft',
  /** The draft card: 「公開」 publishes the entry as edited, through the FAQ's rules. */
  faqPublish: 'consult.faq-publish',
} as const;
export type ConsultationVerb = (typeof CONSULTATION_VERBS)[keyof typeof CONSULTATION_VERBS];

/** The verb of each state-machine action on a ticket card. */
export const TICKET_ACTION_VERBS: Readonly<Record<TicketAction, ConsultationVerb>> = {
  assign: CONSULTATION_VERBS.assign,
  reassign: CONSULTATION_VERBS.reassign,
  start: CONSULTATION_VERBS.start,
  comment: CONSULTATION_VERBS.comment,
  resolve: CONSULTATION_VERBS.resolve,
  reopen: CONSULTATION_VERBS.reopen,
  close: CONSULTATION_VERBS.close,
  rate: CONSULTATION_VERBS.rate,
};

/** The ticket action a verb stands for; undefined for any other (or forged) verb. */
export function ticketActionOfVerb(verb: string): TicketAction | undefined {
  return (Object.keys(TICKET_ACTION_VERBS) as TicketAction[]).find((action) => TICKET_ACTION_VERBS[action] === verb);
}

/** Input ids on the cards: the form's ids are the fields of ConsultationInput, so its data parses as is. */
export const CONSULTATION_INPUT_IDS = {
  category: 'category',
  title: 'title',
  details: 'details',
  preferredContact: 'preferredContact',
  urgency: 'urgency',
  comment: 'comment',
  resolutionNote: 'resolutionNote',
  reopenReason: 'reopenReason',
  /** 担当者を指定 / 担当者を変更: the colleague's employee id. */
  assigneeId: 'assigneeId',
  /** The FAQ draft card's fields. */
  faqCategory: 'faqCategory',
  faqQuestionJa: 'faqQuestionJa',
  faqAnswerJa: 'faqAnswerJa',
  faqQuestionEn: 'faqQuestionEn',
  faqAnswerEn: 'faqAnswerEn',
  faqKeywords: 'faqKeywords',
} as const;

/** Data every ticket-card action carries: which ticket, and the version the card showed (stale-card check). */
export interface TicketActionData {
  ticketNumber: string;
  version: number;
}
