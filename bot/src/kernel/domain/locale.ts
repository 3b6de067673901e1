import type { Locale } from './catalog/localized-text.js';

/**
 * The one locale rule, for Teams locales (ja-JP, en-US…), Accept-Language headers and stored preferences alike:
 * English for any English, Japanese otherwise. The tab uses it too.
 */
export function localeFrom(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
