import type { TrainingSession } from '../../training/domain/training-sessions.js';
import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { NewsItem, NotificationPreferences } from './news-items.js';
import type { NewsConfirmation } from './news-confirmations.js';

/** インフォメーション (issue 4): news items, listed whole (a few a week) from one partition. */
export interface NewsRepository {
  get(id: string): Promise<NewsItem | undefined>;
  list(): Promise<NewsItem[]>;
  /** Re-reads, lets `change` decide (it may refuse by throwing) and writes guarded by the read ETag; retries a lost race. */
  upsert(id: string, change: (current: NewsItem | undefined) => NewsItem): Promise<NewsItem>;
}

export interface NotificationPreferenceRepository {
  /** Undefined for an employee who never changed the defaults (every category on). */
  get(employeeId: string): Promise<NotificationPreferences | undefined>;
  save(preferences: NotificationPreferences): Promise<void>;
  list(): Promise<NotificationPreferences[]>;
}

/** 「確認しました」 presses: PartitionKey = item, one row per person, inserted once and never rewritten. */
export interface NewsConfirmationRepository {
  /** Records the press unless the person already confirmed; `created` false (and nothing written) on a repeat. */
  confirm(confirmation: NewsConfirmation): Promise<{ confirmation: NewsConfirmation; created: boolean }>;
  get(newsId: string, employeeId: string): Promise<NewsConfirmation | undefined>;
  list(newsId: string): Promise<NewsConfirmation[]>;
}

/** Who gets a news card, in which language. */
export interface NewsRecipient {
  employeeId: string;
  locale: Locale;
}

/**
 * Sends news through the delivery engine (durable, paced, once per recipient). Broadcast ids derive from what is
 * sent (`news-<itemId>`, `weekly-digest-<slot>`), so a repeated call never sends twice; calls return once queued.
 */
export interface NewsPublisher {
  sendNow(item: NewsItem, recipients: readonly NewsRecipient[], audience: string): Promise<{ broadcastId: string; created: boolean }>;
  /** The one reminder to those who have not confirmed: broadcast `news-confirm-follow-up-<itemId>`, so a second run sends nothing. */
  sendConfirmationFollowUp(item: NewsItem, recipients: readonly NewsRecipient[]): Promise<{ broadcastId: string; created: boolean }>;
  sendDigest(slot: string, digests: readonly { recipient: NewsRecipient; items: NewsItem[] }[]): Promise<{ broadcastId: string; created: boolean }>;
}

/** A training session reminder as the card shows it. */
export interface TrainingReminder {
  session: TrainingSession;
  courseTitle: LocalizedText;
  days: number;
}

export interface TrainingReminderPublisher {
  /** Broadcast id `training-reminder-<sessionId>-<days>d`: once per session and window. */
  remind(reminder: TrainingReminder, recipients: readonly NewsRecipient[]): Promise<{ broadcastId: string; created: boolean }>;
}
