import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { NEWS_CATEGORIES, NEWS_CATEGORY_LABELS, type NewsCategory, type NotificationPreferences } from '../domain/news-items.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

/** The language choice's input id and values: a locale, or 'auto' to follow the Teams client. */
export const LANGUAGE_INPUT_ID = 'language';
export const LANGUAGE_CHOICES = ['auto', 'ja', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const NOTIFICATION_VERBS = { save: 'notifications.save' } as const;

/** The toggle's input id for a category; the handler reads the submitted values back with it. */
export const categoryInputId = (category: NewsCategory) => `category-${category}`;

/**
 * 通知設定: one toggle per news category and the language the bot speaks, saved with Action.Execute. Training reminders are not a toggle: they
 * come for every session the employee holds a seat in, and the card says so.
 */
export function buildNotificationSettingsCard(data: {
  preferences: NotificationPreferences;
  reminderDays: readonly number[];
  locale: Locale;
  /** The stored language preference ('auto' when the Teams locale decides). */
  language?: LanguageChoice;
  notice?: string;
}): CardAttachment {
  const { locale, preferences } = data;
  const days = data.reminderDays.map((day) => t('settingsDaysBefore', locale, { days: String(day) })).join(locale === 'ja' ? '・' : ', ');
  const toggles: CardElement[] = NEWS_CATEGORIES.map((category) => ({
    type: 'Input.Toggle',
    id: categoryInputId(category),
    title: NEWS_CATEGORY_LABELS[category][locale],
    value: preferences.categories.includes(category) ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
    wrap: true,
  }));
  return adaptiveCard({
    body: [
      ...(data.notice ? [{ type: 'TextBlock' as const, text: data.notice, wrap: true, weight: 'Bolder' as const, color: 'Good' as const }] : []),
      { type: 'TextBlock', text: t('settingsTitle', locale), size: 'Large', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t('settingsIntro', locale), wrap: true },
      ...toggles,
      {
        type: 'Input.ChoiceSet',
        id: LANGUAGE_INPUT_ID,
        label: t('settingsLanguage', locale),
        style: 'compact',
        value: data.language ?? 'auto',
        choices: [
          { title: t('settingsLanguageAuto', locale), value: 'auto' },
          { title: t('settingsLanguageJa', locale), value: 'ja' },
          { title: t('settingsLanguageEn', locale), value: 'en' },
        ],
        spacing: 'Medium',
      },
      ...(data.reminderDays.length > 0 ? [{ type: 'TextBlock' as const, text: t('settingsLocked', locale, { days }), wrap: true, isSubtle: true, spacing: 'Medium' as const }] : []),
      { type: 'TextBlock', text: t('settingsEssential', locale), wrap: true, isSubtle: true, spacing: 'Small' },
    ],
    actions: [{ type: 'Action.Execute', title: t('settingsSave', locale), verb: NOTIFICATION_VERBS.save }],
  });
}

/** The categories a submitted settings card chose (toggles arrive as 'true' / 'false' strings). */
export function categoriesFromCardData(data: Readonly<Record<string, unknown>>): NewsCategory[] {
  return NEWS_CATEGORIES.filter((category) => data[categoryInputId(category)] === 'true' || data[categoryInputId(category)] === true);
}
