import { jstDate, jstYearOf, JST_OFFSET_MS } from '../../../kernel/domain/jst.js';
import { isOfficeDay, isOfficeDayShifted, isPublicHoliday } from '../../../kernel/domain/office-calendar.js';

/**
 * Business days and hours of the ward office in Japan Standard Time: the office calendar's days (kernel/domain/
 * office-calendar.ts: weekdays, no public holiday, not 12/29–1/3), 8:30–17:15.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

/** Office hours (JST) that SLA clocks count: 8:30–17:15, the ward's standard working day (7 h 45 min plus the break). */
export const OFFICE_OPENS_MINUTE = 8 * 60 + 30;
export const OFFICE_CLOSES_MINUTE = 17 * 60 + 15;

export { isPublicHoliday };

/** The JST calendar date (YYYY-MM-DD) of an instant. */
export const jstDateOf = (instant: Date): string => jstDate(instant);
export { jstYearOf };

export const isBusinessDay = isOfficeDay;

/**
 * The instant `days` business days after `start`, at the same JST time of day (Friday 17:00 + 2 → Tuesday 17:00).
 * A start on a closed day counts from 00:00 of the next business day (Saturday 10:00 + 2 → Wednesday 00:00), so
 * time on a closed day never counts.
 */
export function addBusinessDays(start: Date, days: number): Date {
  let shifted = start.getTime() + JST_OFFSET_MS;
  if (!isOfficeDayShifted(shifted)) {
    shifted -= shifted % DAY_MS;
    while (!isOfficeDayShifted(shifted)) shifted += DAY_MS;
  }
  for (let remaining = days; remaining > 0; ) {
    shifted += DAY_MS;
    if (isOfficeDayShifted(shifted)) remaining--;
  }
  return new Date(shifted - JST_OFFSET_MS);
}

/**
 * The instant `hours` office hours after `start`: only 8:30–17:15 on business days count (Friday 16:15 + 2 h →
 * Monday 9:30; a request at 20:00 starts counting at 8:30 the next business day). Fractions of an hour are allowed.
 */
export function addBusinessHours(start: Date, hours: number): Date {
  let remaining = Math.round(hours * 60) * MINUTE_MS;
  let shifted = start.getTime() + JST_OFFSET_MS;
  for (;;) {
    const dayStart = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
    const opens = dayStart + OFFICE_OPENS_MINUTE * MINUTE_MS;
    const closes = dayStart + OFFICE_CLOSES_MINUTE * MINUTE_MS;
    if (isOfficeDayShifted(dayStart) && shifted < closes) {
      const from = Math.max(shifted, opens);
      if (from + remaining <= closes) return new Date(from + remaining - JST_OFFSET_MS);
      remaining -= closes - from;
    }
    shifted = dayStart + DAY_MS;
  }
}

/**
 * The office hours between two instants (the inverse of addBusinessHours): only 8:30–17:15 on business days count,
 * so a request filed Friday 17:00 and answered Monday 9:00 took 45 minutes. 0 when `end` is not after `start`.
 */
export function businessHoursBetween(start: Date, end: Date): number {
  const to = end.getTime() + JST_OFFSET_MS;
  let shifted = start.getTime() + JST_OFFSET_MS;
  let counted = 0;
  while (shifted < to) {
    const dayStart = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
    if (isOfficeDayShifted(dayStart)) {
      const from = Math.max(shifted, dayStart + OFFICE_OPENS_MINUTE * MINUTE_MS);
      const until = Math.min(to, dayStart + OFFICE_CLOSES_MINUTE * MINUTE_MS);
      if (until > from) counted += until - from;
    }
    shifted = dayStart + DAY_MS;
  }
  return counted / 3_600_000;
}
