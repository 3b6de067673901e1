import type { TrainingSession } from '../../training/domain/training-sessions.js';

const DAY_MS = 86_400_000;

/** A reminder that is due: `days` names the window (7 → 「7日前」), and the broadcast id derives from both. */
export interface DueReminder {
  session: TrainingSession;
  days: number;
}

export const trainingReminderBroadcastId = (sessionId: string, days: number) => `training-reminder-${sessionId}-${days}d`;

/**
 * Which reminders a run at `now` should send: for each upcoming, not cancelled session, the tightest window it is
 * inside (with reminders 7 and 1 days before, a session 3 days away is in the 7-day window, one 20 hours away in the
 * 1-day window). Only the tightest one, so a session scheduled at short notice gets one reminder, not a burst of
 * stale ones. Each (session, window) is sent once: its broadcast id is stable across runs and instances.
 */
export function dueReminders(sessions: readonly TrainingSession[], now: Date, reminderDays: readonly number[]): DueReminder[] {
  const windows = [...new Set(reminderDays)].filter((days) => days > 0).sort((a, b) => a - b);
  return sessions.flatMap((session) => {
    if (session.cancelled) return [];
    const untilStart = new Date(session.startsAt).getTime() - now.getTime();
    if (untilStart <= 0) return [];
    const days = windows.find((window) => untilStart <= window * DAY_MS);
    return days === undefined ? [] : [{ session, days }];
  });
}

/** Parses TRAINING_REMINDER_DAYS ("7,1"): positive whole days, at most 60. */
export function parseReminderDays(text: string): number[] | undefined {
  const parts = text.split(/[,、\s]+/).filter(Boolean);
  if (parts.length === 0) return [];
  const days = parts.map(Number);
  return days.every((day) => Number.isInteger(day) && day >= 1 && day <= 60) ? [...new Set(days)].sort((a, b) => b - a) : undefined;
}
