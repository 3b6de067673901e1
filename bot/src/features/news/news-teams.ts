import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { t } from '../../kernel/cards/messages.js';
import { NEWS_VERBS, buildNewsCard, buildNewsDigestCard } from './cards/news-card.js';
import { LANGUAGE_CHOICES, LANGUAGE_INPUT_ID, NOTIFICATION_VERBS, buildNotificationSettingsCard, categoriesFromCardData } from './cards/notification-settings-card.js';
import { localeFrom } from '../../kernel/domain/locale.js';
import type { Locale } from '../../kernel/domain/catalog/localized-text.js';
import { TRAINING_REMINDER_VERBS, buildTrainingReminderCard } from './cards/training-reminder-card.js';
import { AppError } from '../../kernel/domain/errors.js';
import type { NewsService } from './domain/news-service.js';
import type { TrainingService } from '../training/domain/training-service.js';
import type { CommandHandler, InvokeResult, InvokeRoutes, TextRoutes, TurnScope } from '../../kernel/teams/route-types.js';
import { normalizeCommandText } from '../../kernel/teams/router.js';

export interface NewsFeatureDeps {
  news: NewsService;
  training: TrainingService;
  reminderDays: readonly number[];
  tabUrl: string;
  /** Stores the language chosen in 通知設定 (undefined: follow the Teams client). */
  setPreferredLocale: (employeeId: string, locale: Locale | undefined) => Promise<void>;
}

/** Typed phrases (beyond the menu) that ask for the latest news. */
const NEWS_PHRASES = ['ニュース', 'お知らせ', 'インフォメーション', 'news', 'latest news'];

const reminderDataSchema = z.object({ sessionId: z.string().trim().min(1).max(100), days: z.number().int().min(1).max(60) });
const confirmDataSchema = z.object({ newsId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/) });
const settingsDataSchema = z.record(z.string(), z.unknown());
const languageSchema = z.enum(LANGUAGE_CHOICES).optional().catch(undefined);

/**
 * インフォメーション in chat: 「ニュース」 shows the latest items, 「通知設定」 the category toggles (saved in place), and the
 * training reminder card's 参加 / キャンセル (キャンセル frees the seat for the waitlist).
 */
export function createNewsFeature(deps: NewsFeatureDeps): { notificationSettings: CommandHandler; textRoutes: TextRoutes; invokeRoutes: InvokeRoutes } {
  const showNews: CommandHandler = async ({ context, locale, profile }) => {
    const items = await deps.news.latest(profile.id);
    await context.sendActivity(MessageFactory.attachment(buildNewsDigestCard({ items, locale, kind: 'latest', tabUrl: deps.tabUrl })));
  };

  /** The reminder card again, for the session as it is now, with the outcome on top. */
  const reminderOutcome = async (scope: TurnScope, data: z.infer<typeof reminderDataSchema>, act: 'attend' | 'cancel'): Promise<InvokeResult> => {
    const { locale, profile } = scope;
    const session = (await deps.training.mine(profile.id, locale)).find((candidate) => candidate.id === data.sessionId);
    if (!session) return { kind: 'error', status: 404, message: t('reminderNotEnrolled', locale) };
    const card = (outcome: Parameters<typeof buildTrainingReminderCard>[0]['outcome']) =>
      buildTrainingReminderCard({ session, courseTitle: { ja: session.courseTitle, en: session.courseTitle }, days: data.days, locale, outcome });
    if (session.myStatus !== 'enrolled') return { kind: 'card', card: card({ kind: 'problem', text: t('reminderNotEnrolled', locale) }) };
    if (act === 'attend') return { kind: 'card', card: card({ kind: 'attending', text: t('reminderAttending', locale) }) };
    try {
      await deps.training.cancel(profile.id, data.sessionId);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') throw error;
      return { kind: 'card', card: card({ kind: 'problem', text: error.userMessage[locale] }) };
    }
    return { kind: 'card', card: card({ kind: 'cancelled', text: t('reminderCancelled', locale) }) };
  };

  return {
    notificationSettings: async ({ context, locale, profile }) => {
      const preferences = await deps.news.preferences(profile.id);
      const language = profile.preferredLocale ?? 'auto';
      await context.sendActivity(MessageFactory.attachment(buildNotificationSettingsCard({ preferences, reminderDays: deps.reminderDays, locale, language })));
    },
    textRoutes: Object.fromEntries(NEWS_PHRASES.map((phrase) => [normalizeCommandText(phrase), showNews])),
    invokeRoutes: {
      [NOTIFICATION_VERBS.save]: async ({ context, locale: shownIn, profile }, data): Promise<InvokeResult> => {
        const parsed = settingsDataSchema.safeParse(data ?? {});
        if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', shownIn) };
        const preferences = await deps.news.savePreferences(profile.id, categoriesFromCardData(parsed.data));
        // An old card without the language choice leaves the stored language as it is.
        const chosen = languageSchema.parse(parsed.data[LANGUAGE_INPUT_ID]);
        let language: Locale | 'auto' = profile.preferredLocale ?? 'auto';
        if (chosen) {
          language = chosen;
          if (chosen !== (profile.preferredLocale ?? 'auto')) await deps.setPreferredLocale(profile.id, chosen === 'auto' ? undefined : chosen);
        }
        // The saved card already speaks the chosen language.
        const locale: Locale = language === 'auto' ? localeFrom(context.activity.locale ?? profile.locale) : language;
        const notice = preferences.categories.length === 0 ? `${t('settingsSaved', locale)} ${t('settingsNoneChosen', locale)}` : t('settingsSaved', locale);
        return { kind: 'card', card: buildNotificationSettingsCard({ preferences, reminderDays: deps.reminderDays, locale, language, notice }) };
      },
      /** 「確認しました」: recorded once, and the card becomes 確認済み with the date (a repeat shows the first press). */
      [NEWS_VERBS.confirm]: async ({ locale, profile }, data): Promise<InvokeResult> => {
        const parsed = confirmDataSchema.safeParse(data);
        if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
        try {
          const { item, confirmation, created } = await deps.news.confirm(profile.id, parsed.data.newsId);
          return {
            kind: 'card',
            card: buildNewsCard({ item, locale, confirmation: { newsId: item.id, confirmedAt: confirmation.confirmedAt, ...(created ? { notice: t('newsConfirmThanks', locale) } : {}) } }),
          };
        } catch (error) {
          if (!(error instanceof AppError) || error.code === 'internal') throw error;
          return { kind: 'error', status: error.status === 404 ? 404 : error.status === 403 ? 403 : 400, message: error.userMessage[locale] };
        }
      },
      [TRAINING_REMINDER_VERBS.attend]: async (scope, data) => {
        const parsed = reminderDataSchema.safeParse(data);
        return parsed.success ? reminderOutcome(scope, parsed.data, 'attend') : { kind: 'error', status: 400, message: t('invalidCardData', scope.locale) };
      },
      [TRAINING_REMINDER_VERBS.cancel]: async (scope, data) => {
        const parsed = reminderDataSchema.safeParse(data);
        return parsed.success ? reminderOutcome(scope, parsed.data, 'cancel') : { kind: 'error', status: 400, message: t('invalidCardData', scope.locale) };
      },
    },
  };
}
