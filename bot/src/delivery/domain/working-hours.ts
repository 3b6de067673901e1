import { AppError } from '../../kernel/domain/errors.js';
import { JST_OFFSET_MS } from '../../kernel/domain/jst.js';
import { isOfficeDayShifted } from '../../kernel/domain/office-calendar.js';

/**
 * Working hours for proactive sends (issue 19): news, digests, reminders and follow-ups reach staff only while
 * they are at work. A working day is a day of the office calendar (kernel/domain/office-calendar.ts, the one the
 * DX相談 SLA clocks use); the hours are デジタル推進課's setting, 08:30–17:15 by default.
 */
export interface WorkingHours {
  /** HH:MM, JST. */
  start: string;
  /** HH:MM, JST; later than start. */
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:30', end: '17:15' };

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (value: string): number => {
  const match = HH_MM.exec(value);
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2]);
};

/** Checks an admin's setting: both HH:MM (00:00–23:59), start before end. Refused with a message otherwise. */
export function validateWorkingHours(input: { start: string; end: string }): WorkingHours {
  const start = input.start.trim();
  const end = input.end.trim();
  if (!HH_MM.test(start) || !HH_MM.test(end)) {
    throw new AppError('invalid-input', {
      detail: `working hours not HH:MM: ${start}-${end}`,
      userMessage: { ja: '開始と終了は「08:30」のように HH:MM（00:00〜23:59）で入力してください。', en: 'Enter the start and end as HH:MM (00:00–23:59), e.g. 08:30.' },
    });
  }
  if (minutesOf(start) >= minutesOf(end)) {
    throw new AppError('invalid-input', {
      detail: `working hours start ${start} not before end ${end}`,
      userMessage: { ja: '開始は終了より前の時刻にしてください。', en: 'The start must be earlier than the end.' },
    });
  }
  return { start, end };
}

/** Whether the JST calendar day of `instant` is a working day. */
export { isOfficeDay as isWorkingDay } from '../../kernel/domain/office-calendar.js';

/**
 * The first instant at or after `at` inside working hours: `at` itself when it is inside them (start inclusive,
 * end exclusive), else the start of the next working window (Friday 17:20 → Monday 08:30; a holiday or the
 * year-end closure is skipped whole).
 */
export function nextWorkingInstant(at: Date, hours: WorkingHours): Date {
  const opens = minutesOf(hours.start) * MINUTE_MS;
  const closes = minutesOf(hours.end) * MINUTE_MS;
  const shifted = at.getTime() + JST_OFFSET_MS;
  // Instants are shifted into "JST wall clock read as UTC" (see office-calendar.ts).
  let dayStart = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
  if (isOfficeDayShifted(dayStart)) {
    if (shifted < dayStart + opens) return new Date(dayStart + opens - JST_OFFSET_MS);
    if (shifted < dayStart + closes) return at;
  }
  // The year-end closure plus a weekend and holidays is under three weeks; the bound only guards a bad calendar.
  for (let day = 0; day < 60; day++) {
    dayStart += DAY_MS;
    if (isOfficeDayShifted(dayStart)) return new Date(dayStart + opens - JST_OFFSET_MS);
  }
  throw new Error('no working day within 60 days');
}

/** HH:MM (JST) and the date of an instant, for the delivery report's 「勤務時間外のため … から配信します」. */
export function jstClock(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
