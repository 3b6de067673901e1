import { addBusinessDays } from './business-days.js';
import type { Ticket } from './tickets.js';

export const UNASSIGNED_REMINDER_BUSINESS_DAYS = 2;

/** A ticket still unassigned 2 business days (JST, weekends and holidays off) after filing is due a reminder. */
export function isUnassignedReminderDue(createdAt: Date | string, now: Date): boolean {
  return now.getTime() >= addBusinessDays(new Date(createdAt), UNASSIGNED_REMINDER_BUSINESS_DAYS).getTime();
}

/** The channel gets one reminder per ticket, only while nobody has taken it. */
export function needsUnassignedReminder(ticket: Ticket, now: Date): boolean {
  return ticket.status === 'new' && ticket.unassignedReminderAt === undefined && isUnassignedReminderDue(ticket.createdAt, now);
}
