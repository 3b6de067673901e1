import { cardMessage } from '../../kernel/teams/outgoing-message.js';
import { buildNewsCard, buildNewsDigestCard } from './cards/news-card.js';
import { buildTrainingReminderCard } from './cards/training-reminder-card.js';
import { trainingReminderBroadcastId } from './domain/training-reminders.js';
import type { NewsPublisher, TrainingReminderPublisher } from './domain/news-ports.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';

const LOCALES = ['ja', 'en'] as const;
// botbuilder types an activity loosely; the engine stores it as an opaque record.

export const newsBroadcastId = (newsId: string) => `news-${newsId}`;
export const confirmationFollowUpBroadcastId = (newsId: string) => `news-confirm-follow-up-${newsId}`;
export const weeklyDigestBroadcastId = (slot: string) => `weekly-digest-${slot}`;

/**
 * News, weekly digests and training reminders as broadcasts of the delivery engine, with ids derived from what is
 * sent, so pressing 「今すぐ配信」 twice, or a digest slot run twice, never sends anything twice.
 */
export function createNewsPublisher(deps: { engine: Pick<DeliveryEngine, 'send'>; tabUrl: string }): NewsPublisher & TrainingReminderPublisher {
  return {
    async sendNow(item, recipients, audience) {
      const { broadcast, created } = await deps.engine.send({
        id: newsBroadcastId(item.id),
        kind: 'news',
        createdBy: item.createdBy,
        title: item.title,
        audience,
        variants: Object.fromEntries(LOCALES.map((locale) => [locale, cardMessage(buildNewsCard({ item, locale, confirmation: { newsId: item.id } }))])),
        recipients: recipients.map((recipient) => ({ employeeId: recipient.employeeId, variant: recipient.locale })),
        workingHours: true,
      });
      return { broadcastId: broadcast.id, created };
    },
    async sendConfirmationFollowUp(item, recipients) {
      const { broadcast, created } = await deps.engine.send({
        id: confirmationFollowUpBroadcastId(item.id),
        kind: 'news-confirmation-follow-up',
        createdBy: 'system',
        title: `確認のお願い ${item.title}`,
        audience: 'not yet confirmed',
        variants: Object.fromEntries(LOCALES.map((locale) => [locale, cardMessage(buildNewsCard({ item, locale, confirmation: { newsId: item.id, followUp: true } }))])),
        recipients: recipients.map((recipient) => ({ employeeId: recipient.employeeId, variant: recipient.locale })),
        workingHours: true,
      });
      return { broadcastId: broadcast.id, created };
    },
    async sendDigest(slot, digests) {
      // One card per person: only the items of their audience and categories.
      const { broadcast, created } = await deps.engine.send({
        id: weeklyDigestBroadcastId(slot),
        kind: 'weekly-digest',
        createdBy: 'system',
        title: `週刊DXニュース ${slot}`,
        audience: 'per person: audience and notification settings',
        variants: {},
        recipients: digests.map(({ recipient, items }) => ({
          employeeId: recipient.employeeId,
          message: cardMessage(buildNewsDigestCard({ items, locale: recipient.locale, kind: 'digest', tabUrl: deps.tabUrl })),
        })),
        workingHours: true,
      });
      return { broadcastId: broadcast.id, created };
    },
    async remind(reminder, recipients) {
      const { broadcast, created } = await deps.engine.send({
        id: trainingReminderBroadcastId(reminder.session.id, reminder.days),
        kind: 'training-reminder',
        createdBy: 'system',
        title: `研修リマインド(${reminder.days}日前) ${reminder.courseTitle.ja}`,
        audience: `enrolled in ${reminder.session.id}`,
        variants: Object.fromEntries(LOCALES.map((locale) => [locale, cardMessage(buildTrainingReminderCard({ ...reminder, locale }))])),
        recipients: recipients.map((recipient) => ({ employeeId: recipient.employeeId, variant: recipient.locale })),
        workingHours: true,
      });
      return { broadcastId: broadcast.id, created };
    },
  };
}
