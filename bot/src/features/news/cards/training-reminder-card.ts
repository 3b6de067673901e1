import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { formatJstDateTime } from '../../../kernel/domain/jst.js';
import type { TrainingSession } from '../../training/domain/training-sessions.js';
import { adaptiveCard, type CardAction, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

/** Action.Execute verbs of the reminder card, shared by the builder and the handler. */
export const TRAINING_REMINDER_VERBS = { attend: 'training.reminder.attend', cancel: 'training.reminder.cancel' } as const;

/**
 * A reminder of a session the employee holds a seat in: when (JST), where or the online link, and 参加 / キャンセル.
 * After either button the card comes back in place with the outcome and without the buttons.
 */
export function buildTrainingReminderCard(data: {
  session: Pick<TrainingSession, 'id' | 'startsAt' | 'place' | 'onlineUrl'>;
  courseTitle: LocalizedText;
  days: number;
  locale: Locale;
  outcome?: { kind: 'attending' | 'cancelled' | 'problem'; text: string };
}): CardAttachment {
  const { session, locale, outcome } = data;
  const where = session.place ?? (session.onlineUrl ? t('reminderOnline', locale) : '—');
  const notice: CardElement[] = outcome
    ? [{ type: 'TextBlock', text: outcome.text, wrap: true, weight: 'Bolder', color: outcome.kind === 'problem' ? 'Attention' : 'Good' }]
    : [];
  const actions: CardAction[] = [];
  if (!outcome) {
    actions.push(
      { type: 'Action.Execute', title: t('reminderAttend', locale), verb: TRAINING_REMINDER_VERBS.attend, data: { sessionId: session.id, days: data.days }, style: 'positive' },
      { type: 'Action.Execute', title: t('reminderCancel', locale), verb: TRAINING_REMINDER_VERBS.cancel, data: { sessionId: session.id, days: data.days }, style: 'destructive' },
    );
  }
  if (session.onlineUrl && outcome?.kind !== 'cancelled') actions.push({ type: 'Action.OpenUrl', title: t('reminderJoinOnline', locale), url: session.onlineUrl });
  return adaptiveCard({
    body: [
      ...notice,
      { type: 'TextBlock', text: t('reminderTitle', locale), size: 'Small', color: 'Accent', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: data.courseTitle[locale], size: 'Large', weight: 'Bolder', style: 'heading', wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: t('reminderIntro', locale, { days: String(data.days) }), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: t('reminderWhen', locale), value: formatJstDateTime(session.startsAt, locale) },
          { title: t('reminderWhere', locale), value: where },
          ...(session.onlineUrl ? [{ title: t('reminderOnline', locale), value: session.onlineUrl }] : []),
        ],
      },
    ],
    actions,
  });
}
