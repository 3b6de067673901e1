import holidayJp from '@holiday-jp/holiday_jp';
import { JST_OFFSET_MS } from './jst.js';

/**
 * The ward office's calendar in Japan Standard Time, one rule for everything that counts working days (DX相談's SLA
 * clocks, the delivery engine's working hours): Monday to Friday, except Japanese public holidays (national,
 * substitute and 国民の休日, from @holiday-jp/holiday_jp, which the community keeps current through 2050) and the
 * year-end closure of 12/29–1/3.
 */

// One set, built once: the library's own isHoliday scans every key on each call.
const PUBLIC_HOLIDAYS_JST: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/** Whether the library knows this JST calendar date (YYYY-MM-DD) as a Japanese public holiday. */
export const isPublicHoliday = (jstCalendarDate: string): boolean => PUBLIC_HOLIDAYS_JST.has(jstCalendarDate);

/**
 * Whether the office is open on the JST calendar day of a time already shifted into "JST wall clock read as UTC"
 * (instant + JST_OFFSET_MS), so getUTC* gives the JST date and weekday. Any time of that day will do.
 */
export function isOfficeDayShifted(shifted: number): boolean {
  const day = new Date(shifted);
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const month = day.getUTCMonth() + 1;
  const date = day.getUTCDate();
  if ((month === 12 && date >= 29) || (month === 1 && date <= 3)) return false;
  return !isPublicHoliday(day.toISOString().slice(0, 10));
}

/** Whether the office is open on the JST calendar day of `instant`. */
export const isOfficeDay = (instant: Date): boolean => isOfficeDayShifted(instant.getTime() + JST_OFFSET_MS);
