import { z } from 'zod';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { normalizeMultilineText, normalizeTitle } from '../../../kernel/domain/text.js';
// No calendar here: the tab imports this module for its labels, and the holiday table stays on the server (reminders.ts, sla.ts).
import { jstYearOf } from '../../../kernel/domain/jst.js';
import { CONSULTATION_CATEGORIES, type ConsultationCategory } from './categories.js';

/**
 * DX相談 tickets: an employee's request to デジタル推進課 and its life until it is resolved and closed.
 *
 *   new ──assign──▶ assigned ──start──▶ in-progress ──resolve──▶ resolved ──rate / close──▶ closed
 *                      └───────────resolve──────────────────────────▲  │
 *   reopened ◀───────────────────────reopen─────────────────────────────┘
 *   reopened ──assign──▶ assigned, ──start──▶ in-progress, ──resolve──▶ resolved
 *
 * Who may do what (TICKET_TRANSITIONS is the single source; cards derive their buttons from it):
 * - admin (デジタル推進課): assign (担当する: takes the ticket, or gives it to a named colleague of the division),
 *   reassign (担当者を変更: hands an assigned ticket to another colleague of the division), start (対応中), resolve (解決, with a note), reopen,
 *   close, comment. Taking over a ticket someone else already holds is refused: a stale 担当する must not steal it.
 * - requester: comment while the ticket is not closed; after resolution either rate it 1–5 (which confirms the
 *   resolution and closes it, so a rating is given at most once), close it without rating, or reopen it when the
 *   problem is not solved.
 * - anyone else: nothing, not even a comment.
 */
export const TICKET_STATUSES = ['new', 'assigned', 'in-progress', 'resolved', 'reopened', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = ['assign', 'reassign', 'start', 'comment', 'resolve', 'reopen', 'close', 'rate'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export type TicketParty = 'requester' | 'admin';

export interface TransitionRule {
  from: readonly TicketStatus[];
  /** 'unchanged' for actions that only add to the history (comments). */
  to: TicketStatus | 'unchanged';
  by: readonly TicketParty[];
}

export const TICKET_TRANSITIONS: Readonly<Record<TicketAction, TransitionRule>> = {
  assign: { from: ['new', 'reopened'], to: 'assigned', by: ['admin'] },
  // Handing a ticket someone holds to another colleague is its own action, so a stale 担当する still cannot steal it.
  reassign: { from: ['assigned', 'in-progress', 'reopened'], to: 'unchanged', by: ['admin'] },
  start: { from: ['assigned', 'reopened'], to: 'in-progress', by: ['admin'] },
  comment: { from: ['new', 'assigned', 'in-progress', 'resolved', 'reopened'], to: 'unchanged', by: ['admin', 'requester'] },
  resolve: { from: ['assigned', 'in-progress', 'reopened'], to: 'resolved', by: ['admin'] },
  reopen: { from: ['resolved'], to: 'reopened', by: ['admin', 'requester'] },
  close: { from: ['resolved'], to: 'closed', by: ['admin', 'requester'] },
  rate: { from: ['resolved'], to: 'closed', by: ['requester'] },
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, LocalizedText> = {
  new: { ja: '受付', en: 'New' },
  assigned: { ja: '担当者決定', en: 'Assigned' },
  'in-progress': { ja: '対応中', en: 'In progress' },
  resolved: { ja: '解決', en: 'Resolved' },
  reopened: { ja: '再オープン', en: 'Reopened' },
  closed: { ja: '完了', en: 'Closed' },
};

export const TICKET_ACTION_LABELS: Record<TicketAction | 'create', LocalizedText> = {
  create: { ja: '相談を受付', en: 'Request filed' },
  assign: { ja: '担当する', en: 'Assign to me' },
  reassign: { ja: '担当者を変更', en: 'Reassign' },
  start: { ja: '対応中', en: 'Start work' },
  comment: { ja: 'コメント', en: 'Comment' },
  resolve: { ja: '解決', en: 'Resolve' },
  reopen: { ja: '再オープン', en: 'Reopen' },
  close: { ja: '完了にする', en: 'Close' },
  rate: { ja: '満足度を回答', en: 'Rate' },
};

export const PREFERRED_CONTACTS = ['chat', 'online-meeting', 'in-person'] as const;
export type PreferredContact = (typeof PREFERRED_CONTACTS)[number];
export const PREFERRED_CONTACT_LABELS: Record<PreferredContact, LocalizedText> = {
  chat: { ja: 'チャット', en: 'Chat' },
  'online-meeting': { ja: 'オンライン会議', en: 'Online meeting' },
  'in-person': { ja: '対面', en: 'In person' },
};

export const URGENCIES = ['low', 'medium', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, LocalizedText> = {
  low: { ja: '低', en: 'Low' },
  medium: { ja: '中', en: 'Medium' },
  high: { ja: '高', en: 'High' },
};

export const TITLE_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 4000;

export interface Ticket {
  /** The readable number, e.g. DX-2026-0042; also the ticket's id. */
  number: string;
  requesterId: string;
  requesterName: string;
  category: ConsultationCategory;
  title: string;
  details: string;
  preferredContact: PreferredContact;
  urgency: Urgency;
  status: TicketStatus;
  assigneeId: string | undefined;
  assigneeName: string | undefined;
  /** The latest resolution note. */
  resolution: string | undefined;
  rating: number | undefined;
  createdAt: string;
  updatedAt: string;
  /** Counts history entries: 1 after filing, +1 per transition. Cards carry it to detect a stale click. */
  version: number;
  /** When the one "unassigned for 2 business days" reminder went to the channel. */
  unassignedReminderAt: string | undefined;
  /** デジタル推進課's first response (take, comment, start or resolve): stops the first-response SLA clock. */
  firstResponseAt: string | undefined;
  /** The latest resolution: stops the resolution SLA clock (a reopen lets it run again). */
  resolvedAt: string | undefined;
  /** When the one reminder for each SLA clock that ran out was sent (to the assignee, or the desk if unassigned). */
  firstResponseRemindedAt?: string | undefined;
  resolutionRemindedAt?: string | undefined;
}

export interface TicketHistoryEntry {
  ticketNumber: string;
  /** Equals the ticket's version after this entry. */
  sequence: number;
  at: string;
  actorId: string;
  actorName: string;
  action: TicketAction | 'create';
  fromStatus: TicketStatus | undefined;
  toStatus: TicketStatus;
  /** The comment, resolution note or reopen reason. */
  text: string | undefined;
  rating: number | undefined;
}

export interface TicketActor {
  id: string;
  name: string;
  /** A member of デジタル推進課 (the employee role 'admin'). */
  isAdmin: boolean;
}

/** A colleague a ticket is given to; must be in デジタル推進課 (isAdmin), or the assignment is refused. */
export type TicketAssignee = TicketActor;

export type TicketCommand =
  | { action: 'assign'; assignee?: TicketAssignee | undefined }
  | { action: 'reassign'; assignee: TicketAssignee }
  | { action: 'start' }
  | { action: 'comment'; text: string }
  | { action: 'resolve'; note: string }
  | { action: 'reopen'; reason?: string | undefined }
  | { action: 'close' }
  | { action: 'rate'; rating: number };

export interface TicketChange {
  ticket: Ticket;
  history: TicketHistoryEntry;
}

const invalid = (detail: string, ja: string, en: string) => new AppError('invalid-input', { detail, userMessage: { ja, en } });

const codePointLength = (text: string) => [...text].length;

// Card and HTTP data arrive as strings; each field's refusal says what to fix, in the employee's language.
export const consultationInputSchema = z.object({
  category: z.enum(CONSULTATION_CATEGORIES),
  title: z
    .string()
    .transform(normalizeTitle)
    .pipe(z.string().min(1).refine((title) => codePointLength(title) <= TITLE_MAX_LENGTH)),
  details: z
    .string()
    .transform(normalizeMultilineText)
    .pipe(
      z
        .string()
        .trim()
        .min(1)
        .refine((details) => codePointLength(details) <= TEXT_MAX_LENGTH),
    ),
  preferredContact: z.enum(PREFERRED_CONTACTS),
  urgency: z.enum(URGENCIES),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;
export type ConsultationField = keyof ConsultationInput;

const FIELD_MESSAGES: Record<ConsultationField, { missing: LocalizedText; tooLong?: LocalizedText; invisible?: LocalizedText }> = {
  category: { missing: { ja: '相談の分類を選んでください。', en: 'Please choose a category.' } },
  title: {
    missing: { ja: '件名を入力してください。', en: 'Please enter a title.' },
    invisible: {
      ja: '件名に表示できる文字がありません。読める文字で件名を入力してください。',
      en: 'The title has no visible characters. Please enter a title people can read.',
    },
    tooLong: { ja: `件名は${TITLE_MAX_LENGTH}文字以内で入力してください。`, en: `The title must be at most ${TITLE_MAX_LENGTH} characters.` },
  },
  details: {
    missing: { ja: '相談内容を入力してください。', en: 'Please describe what you need.' },
    tooLong: { ja: '相談内容は4,000文字以内で入力してください。', en: 'The details must be at most 4,000 characters.' },
  },
  preferredContact: { missing: { ja: '希望する相談方法を選んでください。', en: 'Please choose how you would like to talk.' } },
  urgency: { missing: { ja: '緊急度を選んでください。', en: 'Please choose the urgency.' } },
};

/** The reason a consultation form was refused, naming the first field to fix. */
export class InvalidConsultationInputError extends AppError {
  constructor(readonly field: ConsultationField, message: LocalizedText) {
    super('invalid-input', { detail: `consultation input: ${field}`, userMessage: message });
    this.name = 'InvalidConsultationInputError';
  }
}

/** Validates the form's data; throws InvalidConsultationInputError for the first field in form order. */
export function parseConsultationInput(raw: unknown): ConsultationInput {
  const parsed = consultationInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const order = Object.keys(FIELD_MESSAGES) as ConsultationField[];
  const fields = parsed.error.issues.map((issue) => issue.path[0]).filter((field): field is ConsultationField => order.includes(field as ConsultationField));
  const field = order.find((candidate) => fields.includes(candidate)) ?? 'details';
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
  const messages = FIELD_MESSAGES[field];
  const typed = typeof source === 'string' && source.trim().length > 0;
  // Typed, yet nothing visible left after normalising (zero-width spaces, bidi controls): say so, not "enter a title".
  const invisible = typed && field === 'title' && normalizeTitle(source).length === 0 && messages.invisible;
  const tooLong = typed && messages.tooLong;
  throw new InvalidConsultationInputError(field, invisible || tooLong || messages.missing);
}

/** Ticket numbers count per JST calendar year of filing: what an employee filing in January 2027 expects to see. */
export function ticketYearOf(instant: Date): number {
  return jstYearOf(instant);
}

export function formatTicketNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999 || !Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`no ticket number for year ${year}, sequence ${sequence}`);
  }
  return `DX-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Reads a ticket number from card or URL data; anything else is undefined (a forged id is simply not found). */
export function parseTicketNumber(text: unknown): { year: number; sequence: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^DX-(\d{4})-(\d{4,6})$/.exec(text);
  if (!match) return undefined;
  const sequence = Number(match[2]);
  if (sequence < 1 || (match[2]!.length > 4 && match[2]!.startsWith('0'))) return undefined;
  return { year: Number(match[1]), sequence };
}

/** A new ticket and its first history entry. */
export function openTicket(input: ConsultationInput, requester: { id: string; name: string }, ticketNumber: string, now: Date): TicketChange {
  const at = now.toISOString();
  const ticket: Ticket = {
    number: ticketNumber,
    requesterId: requester.id,
    requesterName: requester.name,
    ...input,
    status: 'new',
    assigneeId: undefined,
    assigneeName: undefined,
    resolution: undefined,
    rating: undefined,
    createdAt: at,
    updatedAt: at,
    version: 1,
    unassignedReminderAt: undefined,
    firstResponseAt: undefined,
    resolvedAt: undefined,
  };
  const history: TicketHistoryEntry = {
    ticketNumber,
    sequence: 1,
    at,
    actorId: requester.id,
    actorName: requester.name,
    action: 'create',
    fromStatus: undefined,
    toStatus: 'new',
    text: undefined,
    rating: undefined,
  };
  return { ticket, history };
}

/** The parties an actor counts as for this ticket (an admin filing their own request is both). */
export function partiesOf(ticket: Pick<Ticket, 'requesterId'>, actor: Pick<TicketActor, 'id' | 'isAdmin'>): TicketParty[] {
  const parties: TicketParty[] = [];
  if (actor.id === ticket.requesterId) parties.push('requester');
  if (actor.isAdmin) parties.push('admin');
  return parties;
}

/** Whether the table allows this action now for this actor (used by cards to show only useful buttons). */
export function canApply(ticket: Pick<Ticket, 'status' | 'requesterId'>, action: TicketAction, actor: Pick<TicketActor, 'id' | 'isAdmin'>): boolean {
  const rule = TICKET_TRANSITIONS[action];
  return rule.from.includes(ticket.status) && partiesOf(ticket, actor).some((party) => rule.by.includes(party));
}

function forbidden(action: TicketAction, rule: TransitionRule): AppError {
  const message: LocalizedText = !rule.by.includes('requester')
    ? { ja: 'この操作はデジタル推進課の担当者のみ行えます。', en: 'Only Digital Promotion Division staff can do this.' }
    : !rule.by.includes('admin')
      ? { ja: 'この操作は相談者ご本人のみ行えます。', en: 'Only the person who asked can do this.' }
      : { ja: 'この相談の相談者またはデジタル推進課の担当者のみ操作できます。', en: 'Only the person who asked or Digital Promotion Division staff can do this.' };
  return new AppError('forbidden', { detail: `${action} not allowed for this actor`, userMessage: message });
}

function requiredText(text: string | undefined, what: LocalizedText): string {
  // Comments, notes and reasons are read by the other party: bidi controls that reorder them are removed (issue 14).
  const trimmed = normalizeMultilineText(text ?? '').trim();
  if (trimmed.length === 0) throw invalid(`${what.en} is empty`, `${what.ja}を入力してください。`, `Please enter ${what.en}.`);
  if (codePointLength(trimmed) > TEXT_MAX_LENGTH) {
    throw invalid(`${what.en} too long`, `${what.ja}は4,000文字以内で入力してください。`, `The ${what.en} must be at most 4,000 characters.`);
  }
  return trimmed;
}

/** Only a member of デジタル推進課 can hold a ticket: anyone else (or nobody found) is refused with a message. */
function divisionMember(assignee: TicketAssignee | undefined, actor: TicketActor): TicketAssignee {
  const who = assignee ?? actor;
  if (!who.isAdmin || who.id.length === 0) {
    throw invalid(
      `assignee ${who.id} is not in the division`,
      'デジタル推進課の職員ではないため、担当者にできません。デジタル推進課の職員を選んでください。',
      'This person is not in the Digital Promotion Division, so they cannot be assigned. Please choose a member of the division.',
    );
  }
  return who;
}

/**
 * Applies one action to a ticket: refuses an actor the table does not allow (forbidden), an action the current
 * status does not allow or bad action data (invalid-input); otherwise returns the new ticket and its history entry.
 */
export function applyTransition(ticket: Ticket, command: TicketCommand, actor: TicketActor, now: Date): TicketChange {
  const { action } = command;
  const rule = TICKET_TRANSITIONS[action];
  if (!partiesOf(ticket, actor).some((party) => rule.by.includes(party))) throw forbidden(action, rule);
  if (!rule.from.includes(ticket.status)) {
    const status = TICKET_STATUS_LABELS[ticket.status];
    const label = TICKET_ACTION_LABELS[action];
    throw invalid(
      `${action} not allowed from ${ticket.status}`,
      `この相談は現在「${status.ja}」のため、「${label.ja}」はできません。`,
      `This request is now "${status.en}", so "${label.en}" is not possible.`,
    );
  }
  const at = now.toISOString();
  const toStatus = rule.to === 'unchanged' ? ticket.status : rule.to;
  let next: Ticket = { ...ticket, status: toStatus, updatedAt: at, version: ticket.version + 1 };
  let text: string | undefined;
  let rating: number | undefined;
  switch (command.action) {
    case 'assign': {
      const assignee = divisionMember(command.assignee, actor);
      next = { ...next, assigneeId: assignee.id, assigneeName: assignee.name };
      // The history names who was given the ticket when it was not the person acting.
      if (assignee.id !== actor.id) text = assignee.name;
      break;
    }
    case 'reassign': {
      const assignee = divisionMember(command.assignee, actor);
      if (assignee.id === ticket.assigneeId) {
        throw invalid('reassign to the current assignee', `${assignee.name} さんはすでにこの相談の担当です。`, `${assignee.name} already handles this request.`);
      }
      next = { ...next, assigneeId: assignee.id, assigneeName: assignee.name };
      text = assignee.name;
      break;
    }
    case 'start':
      if (!next.assigneeId) next = { ...next, assigneeId: actor.id, assigneeName: actor.name };
      break;
    case 'comment':
      text = requiredText(command.text, { ja: 'コメント', en: 'a comment' });
      break;
    case 'resolve':
      text = requiredText(command.note, { ja: '解決内容', en: 'a resolution note' });
      next = { ...next, resolution: text, resolvedAt: at, assigneeId: next.assigneeId ?? actor.id, assigneeName: next.assigneeName ?? actor.name };
      break;
    case 'reopen':
      text = command.reason?.trim() ? requiredText(command.reason, { ja: '再オープンの理由', en: 'a reason' }) : undefined;
      break;
    case 'close':
      break;
    case 'rate':
      if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5) {
        throw invalid(`rating ${String(command.rating)}`, '満足度は1から5で選んでください。', 'Please choose a rating from 1 to 5.');
      }
      rating = command.rating;
      next = { ...next, rating };
      break;
  }
  // The first thing the division does for a request stops its first-response clock (a requester's own comment does not).
  const respondsAsDesk = actor.isAdmin && (action !== 'comment' || actor.id !== ticket.requesterId);
  if (!next.firstResponseAt && respondsAsDesk && (['assign', 'reassign', 'start', 'comment', 'resolve'] as TicketAction[]).includes(action)) {
    next = { ...next, firstResponseAt: at };
  }
  const history: TicketHistoryEntry = {
    ticketNumber: ticket.number,
    sequence: next.version,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action,
    fromStatus: ticket.status,
    toStatus,
    text,
    rating,
  };
  return { ticket: next, history };
}

/**
 * Refuses an action taken on a card drawn from an older version of the ticket (someone else acted meanwhile), so
 * the handler can show the current state instead of applying a decision made on outdated information.
 */
export function assertCurrentVersion(ticket: Ticket, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === ticket.version) return;
  const status = TICKET_STATUS_LABELS[ticket.status];
  throw new AppError('concurrency-conflict', {
    detail: `ticket ${ticket.number} is at version ${ticket.version}, card had ${expectedVersion}`,
    userMessage: {
      ja: `この相談はほかの方が先に更新しました（現在「${status.ja}」）。最新の内容を確認してください。`,
      en: `Someone else updated this request first (now "${status.en}"). Please check the latest state.`,
    },
  });
}

/** The refusal for a ticket number that does not exist (what the storage adapter throws). */
export const ticketNotFound = (ticketNumber: string): AppError =>
  new AppError('not-found', {
    detail: `no consultation ticket ${ticketNumber}`,
    userMessage: { ja: 'この相談は見つかりませんでした。', en: 'This request was not found.' },
  });
