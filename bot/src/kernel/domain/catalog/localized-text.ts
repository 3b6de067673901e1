/** A user-visible text in Japanese (the employees' language) with its English twin. */
export interface LocalizedText {
  ja: string;
  en: string;
}

export type Locale = 'ja' | 'en';

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
