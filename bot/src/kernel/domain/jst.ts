import type { Locale } from './catalog/localized-text.js';
import { setBounded } from './bounded-map.js';

/** The ward works in Japan Standard Time (UTC+9, no daylight saving); every date staff see is a JST date. */
export const JST_OFFSET_MS = 9 * 3600_000;

/** YYYY-MM-DD of an instant in JST. */
export const jstDate = (iso: string | Date): string => new Date(new Date(iso).getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

// Building an Intl.DateTimeFormat costs about a hundred times what formatting with it does (ICU loads the locale's
// patterns): a finder card prints a dozen session times and 200 staff ask at once, so each locale's is built once.
const sessionTimeParts: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' };
const jstDateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', sessionTimeParts),
  en: new Intl.DateTimeFormat('en-GB', sessionTimeParts),
};

// And each string is kept: 研修を探す prints the same few session times for every one of 200 staff at once, and
// formatting them again was 6–8 ms of such a wave's CPU. Bounded; the first kept goes first.
const MAX_KEPT_TIMES = 1_000;
const keptTimes = new Map<string, string>();

/** A session time as staff read it: JST with the weekday, e.g. 2026年12月2日（水） 14:00 or Wed, 2 Dec 2026, 14:00. */
export function formatJstDateTime(iso: string, locale: Locale): string {
  const which = locale === 'en' ? 'en' : 'ja';
  const key = `${which} ${iso}`;
  const kept = keptTimes.get(key);
  if (kept !== undefined) return kept;
  const formatted = jstDateTimeFormats[which].format(new Date(iso));
  // ICU writes the Japanese weekday in half-width parentheses; every Japanese card uses full-width ones.
  const shown = which === 'ja' ? formatted.replace('(', '（').replace(')', '）') : formatted;
  setBounded(keptTimes, key, shown, MAX_KEPT_TIMES);
  return shown;
}

/** The JST calendar year of an instant. */
export const jstYearOf = (instant: Date): number => new Date(instant.getTime() + JST_OFFSET_MS).getUTCFullYear();

/** 2026/06/30 17:00 in JST: the compact form cards print (the same digits for English readers). */
export function formatJstShort(instant: string | Date): string {
  const jst = new Date(new Date(instant).getTime() + JST_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${jst.getUTCFullYear()}/${two(jst.getUTCMonth() + 1)}/${two(jst.getUTCDate())} ${two(jst.getUTCHours())}:${two(jst.getUTCMinutes())}`;
}

/** The instant of a JST wall-clock date (YYYY-MM-DD) and time (HH:MM), as forms ask for it. */
export const jstInstant = (date: string, time: string): string => new Date(`${date}T${time}:00+09:00`).toISOString();

/** The fiscal year (年度) a moment belongs to, in Japan time: January–March belong to the previous year's 年度. */
export function fiscalYearOf(instant: Date): number {
  const jst = new Date(instant.getTime() + JST_OFFSET_MS);
  return jst.getUTCMonth() < 3 ? jst.getUTCFullYear() - 1 : jst.getUTCFullYear();
}

/** [start, end) of a fiscal year as instants: 1 April 00:00 JST to the next 1 April 00:00 JST. */
export function fiscalYearBounds(fiscalYear: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(fiscalYear, 3, 1) - JST_OFFSET_MS),
    end: new Date(Date.UTC(fiscalYear + 1, 3, 1) - JST_OFFSET_MS),
  };
}
