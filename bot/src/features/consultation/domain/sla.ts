import { z } from 'zod';
import { AppError } from '../../../kernel/domain/errors.js';
import { addBusinessHours } from './business-days.js';
import { URGENCIES, type Ticket, type TicketStatus, type Urgency } from './tickets.js';

/**
 * The desk's service levels, in office hours (8:30–17:15 JST on business days, business-days.ts): デジタル推進課
 * answers a new request first within `firstResponseHours` (taking it, commenting, starting or resolving counts) and
 * resolves it within `resolutionHours[urgency]` of filing. Admins edit them in the tab; the clocks are computed on
 * read from the filing time, so a change applies to every open request at once.
 */
export interface SlaSettings {
  firstResponseHours: number;
  resolutionHours: Record<Urgency, number>;
  updatedBy: string | undefined;
  updatedAt: string | undefined;
}

/** An office day is 8.75 hours (8:30–17:15): half a day to answer; about 1, 3 and 5 office days to resolve by urgency. */
export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  firstResponseHours: 4,
  resolutionHours: { high: 8, medium: 24, low: 40 },
  updatedBy: undefined,
  updatedAt: undefined,
};

/** A year of office hours: anything longer is a typo, not a service level. */
export const SLA_MAX_HOURS = 2_000;

const hours = z.number().finite().gt(0).max(SLA_MAX_HOURS);
export const slaSettingsInputSchema = z.object({
  firstResponseHours: hours,
  resolutionHours: z.object({ high: hours, medium: hours, low: hours }),
});
export type SlaSettingsInput = z.infer<typeof slaSettingsInputSchema>;

/** Validates an admin's settings; hours ≤ 0, over a year or not numbers are refused with a ja/en message. */
export function parseSlaSettings(raw: unknown): SlaSettingsInput {
  const parsed = slaSettingsInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid-input', {
    detail: `sla settings: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    userMessage: {
      ja: `SLAの時間は0より大きく${SLA_MAX_HOURS}以下の数（業務時間）で入力してください。保存していません。`,
      en: `SLA hours must be a number of office hours greater than 0 and at most ${SLA_MAX_HOURS}. Nothing was saved.`,
    },
  });
}

/** Actions by デジタル推進課 that count as the first response to a request. */
export const FIRST_RESPONSE_ACTIONS = ['assign', 'reassign', 'start', 'comment', 'resolve'] as const;

const DONE: readonly TicketStatus[] = ['resolved', 'closed'];

export interface SlaClock {
  firstResponseDueAt: string;
  resolutionDueAt: string;
  /** Past due with no first response, or answered after the due time. */
  firstResponseOverdue: boolean;
  /** Not resolved and past the resolution target (or resolved after it). */
  resolutionOverdue: boolean;
}

/** A ticket's two clocks at `now`. */
export function slaClockOf(ticket: Pick<Ticket, 'createdAt' | 'urgency' | 'status' | 'firstResponseAt' | 'resolvedAt'>, settings: Pick<SlaSettings, 'firstResponseHours' | 'resolutionHours'>, now: Date): SlaClock {
  const filed = new Date(ticket.createdAt);
  const firstDue = addBusinessHours(filed, settings.firstResponseHours);
  const resolutionDue = addBusinessHours(filed, settings.resolutionHours[ticket.urgency]);
  const answeredAt = ticket.firstResponseAt ? new Date(ticket.firstResponseAt) : undefined;
  const done = DONE.includes(ticket.status);
  const resolvedAt = done && ticket.resolvedAt ? new Date(ticket.resolvedAt) : undefined;
  return {
    firstResponseDueAt: firstDue.toISOString(),
    resolutionDueAt: resolutionDue.toISOString(),
    firstResponseOverdue: (answeredAt ?? now).getTime() > firstDue.getTime(),
    resolutionOverdue: done ? (resolvedAt ? resolvedAt.getTime() > resolutionDue.getTime() : false) : now.getTime() > resolutionDue.getTime(),
  };
}

/** Whether the card and the queue flag this ticket as overdue now (open work only). */
export const isOverdue = (clock: SlaClock, status: TicketStatus): boolean => !DONE.includes(status) && (clock.resolutionOverdue || clock.firstResponseOverdue);

export type SlaClockName = 'first-response' | 'resolution';

/** The clocks of an open ticket that ran out and have not been reminded yet (each is reminded once). */
export function slaRemindersDue(ticket: Pick<Ticket, 'status' | 'firstResponseAt' | 'firstResponseRemindedAt' | 'resolutionRemindedAt'>, clock: SlaClock): SlaClockName[] {
  if (DONE.includes(ticket.status)) return [];
  const due: SlaClockName[] = [];
  if (clock.firstResponseOverdue && !ticket.firstResponseAt && !ticket.firstResponseRemindedAt) due.push('first-response');
  if (clock.resolutionOverdue && !ticket.resolutionRemindedAt) due.push('resolution');
  return due;
}

export { URGENCIES };
