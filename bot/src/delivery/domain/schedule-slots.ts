/**
 * Scheduled jobs (weekly digest, training reminders) run on every bot instance's clock, so each occurrence is
 * a named slot (`weekly-digest` / `2026-W48`) claimed once in storage: the instance that claims it runs it.
 */

export type SlotLeaseState = 'running' | 'done' | 'failed';

export interface SlotLease {
  job: string;
  slot: string;
  owner: string;
  state: SlotLeaseState;
  claimedAt: string;
  /** While running, other instances leave the slot alone until this time (then the owner is presumed dead). */
  leaseUntil: string;
  finishedAt: string | undefined;
  error: string | undefined;
}

/** Whether an existing lease may be taken over: its run failed, or its owner stopped renewing it. */
export function canTakeOver(lease: SlotLease, now: Date): boolean {
  if (lease.state === 'done') return false;
  if (lease.state === 'failed') return true;
  return new Date(lease.leaseUntil) <= now;
}

/** The date parts of `at` as a wall clock in `timeZone` shows them. */
function wallClock(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** ISO 8601 week of the date `at` falls on in `timeZone`, as `2026-W48`. */
export function isoWeekSlot(at: Date, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The ISO week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** A slot per scheduled instant, for jobs that run more often than weekly: the UTC time to the second. */
export const instantSlot = (at: Date): string => at.toISOString().slice(0, 19) + 'Z';
