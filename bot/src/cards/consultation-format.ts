import type { Locale } from '../domain/catalog/localized-text.js';
import { t } from './messages.js';

const jstFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as staff read it: JST, e.g. 2026/04/06 10:00 (the same digits for English readers). */
export function formatJst(iso: string): string {
  return jstFormat.format(new Date(iso));
}

/**
 * Cuts text to `max` characters (code points, so a surrogate pair is never split) and says where the rest is:
 * cards must stay under Teams' 28 KB however long comments get.
 */
export function truncateForCard(text: string, max: number, locale: Locale): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}${t('consultTextTruncated', locale)}`;
}
