import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { t } from '../../../kernel/cards/messages.js';

/** An instant as staff read it: JST, e.g. 2026/04/06 10:00 (the same digits for English readers). */
export { formatJstShort as formatJst } from '../../../kernel/domain/jst.js';

/**
 * Cuts text to `max` characters (code points, so a surrogate pair is never split) and says where the rest is:
 * cards must stay under Teams' 28 KB however long comments get.
 */
export function truncateForCard(text: string, max: number, locale: Locale): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}${t('consultTextTruncated', locale)}`;
}

/** Typed text cut like truncateForCard and shown as plain text (Markdown escaped); the note about the rest stays readable. */
export function plainTextForCard(text: string, max: number, locale: Locale): string {
  const characters = [...text];
  return characters.length <= max ? plainText(text) : `${plainText(characters.slice(0, max).join(''))}${t('consultTextTruncated', locale)}`;
}
