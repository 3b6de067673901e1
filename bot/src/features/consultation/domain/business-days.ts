import { jstDate, jstYearOf, JST_OFFSET_MS } from '../../../kernel/domain/jst.js';

/**
 * Business days of the ward office in Japan Standard Time: Monday to Friday, except Japanese public holidays
 * (national holidays, substitute holidays and 国民の休日) and the year-end closure of 12/29–1/3.
 * Public holidays are listed for 2026–2027 only; outside that range only weekends and the year-end closure count,
 * so the table must be extended before 2028 (a test names the years it covers).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const PUBLIC_HOLIDAYS_JST: ReadonlySet<string> = new Set([
  // 2026
  '2026-01-01', '2026-01-12', '2026-02-11', '2026-02-23', '2026-03-20', '2026-04-29', '2026-05-03', '2026-05-04',
  '2026-05-05', '2026-05-06', '2026-07-20', '2026-08-11', '2026-09-21', '2026-09-22', '2026-09-23', '2026-10-12',
  '2026-11-03', '2026-11-23',
  // 2027
  '2027-01-01', '2027-01-11', '2027-02-11', '2027-02-23', '2027-03-21', '2027-03-22', '2027-04-29', '2027-05-03',
  '2027-05-04', '2027-05-05', '2027-07-19', '2027-08-11', '2027-09-20', '2027-09-23', '2027-10-11', '2027-11-03',
  '2027-11-23',
]);
export const PUBLIC_HOLIDAY_YEARS = [2026, 2027] as const;

/** The JST calendar date (YYYY-MM-DD) of an instant. */
export const jstDateOf = (instant: Date): string => jstDate(instant);
export { jstYearOf };

// Internally times are shifted into "JST wall clock read as UTC", so getUTC* gives the JST date and weekday.
function isBusinessDayShifted(shifted: number): boolean {
  const day = new Date(shifted);
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const month = day.getUTCMonth() + 1;
  const date = day.getUTCDate();
  if ((month === 12 && date >= 29) || (month === 1 && date <= 3)) return false;
  return !PUBLIC_HOLIDAYS_JST.has(day.toISOString().slice(0, 10));
}

export function isBusinessDay(instant: Date): boolean {
  return isBusinessDayShifted(instant.getTime() + JST_OFFSET_MS);
}

/**
 * The instant `days` business days after `start`, at the same JST time of day (Friday 17:00 + 2 → Tuesday 17:00).
 * A start on a closed day counts from 00:00 of the next business day (Saturday 10:00 + 2 → Wednesday 00:00), so
 * time on a closed day never counts.
 */
export function addBusinessDays(start: Date, days: number): Date {
  let shifted = start.getTime() + JST_OFFSET_MS;
  if (!isBusinessDayShifted(shifted)) {
    shifted -= shifted % DAY_MS;
    while (!isBusinessDayShifted(shifted)) shifted += DAY_MS;
  }
  for (let remaining = days; remaining > 0; ) {
    shifted += DAY_MS;
    if (isBusinessDayShifted(shifted)) remaining--;
  }
  return new Date(shifted - JST_OFFSET_MS);
}
