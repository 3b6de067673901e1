import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { FoundSession } from '../domain/training-finder.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { formatJstDateTime } from '../../../kernel/domain/jst.js';
import { t } from '../../../kernel/cards/messages.js';

/** Action.Execute verbs of training cards, shared by the builder and the handler. */
export const TRAINING_VERBS = { enroll: 'training.enroll' } as const;

/**
 * 研修を探す: open sessions that close the employee's gaps, each with its reason and 申し込む. The same card comes
 * back in place after a sign-up, with the outcome on top, so a second press cannot go unnoticed.
 */
export function buildSessionFinderCard(data: {
  found: readonly FoundSession[];
  locale: Locale;
  tabUrl: string;
  notice?: { kind: 'done' | 'problem'; text: string };
}): CardAttachment {
  const { locale } = data;
  const notice: CardElement[] = data.notice
    ? [{ type: 'TextBlock', text: data.notice.text, wrap: true, weight: 'Bolder', color: data.notice.kind === 'done' ? 'Good' : 'Attention' }]
    : [];
  const matched = data.found.some((entry) => entry.reason);
  const sessions: CardElement[] = data.found.map(({ session, reason }) => {
    const status = session.myStatus === 'enrolled' || session.myStatus === 'waitlisted' ? t(session.myStatus === 'enrolled' ? 'statusEnrolled' : 'statusWaitlisted', locale) : undefined;
    return {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: session.courseTitle, weight: 'Bolder', wrap: true },
        ...(reason ? [{ type: 'TextBlock' as const, text: reason, wrap: true, isSubtle: true, spacing: 'None' as const }] : []),
        {
          type: 'FactSet',
          spacing: 'Small',
          facts: [
            { title: t('sessionWhen', locale), value: formatJstDateTime(session.startsAt, locale) },
            { title: t('sessionWhere', locale), value: session.place ?? session.onlineUrl ?? '—' },
            // Someone who holds a seat or waits for one reads their own status, not the seats left.
            status
              ? { title: t('sessionMyStatus', locale), value: status }
              : { title: t('sessionSeats', locale), value: session.seatsLeft > 0 ? t('seatsLeft', locale, { n: String(session.seatsLeft) }) : t('sessionFull', locale) },
          ],
        },
        ...(status
          ? []
          : [{ type: 'ActionSet' as const, actions: [{ type: 'Action.Execute' as const, title: t('enroll', locale), verb: TRAINING_VERBS.enroll, data: { sessionId: session.id } }] }]),
      ],
    };
  });
  return adaptiveCard({
    body: [
      ...notice,
      { type: 'TextBlock', text: t('finderTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t(data.found.length === 0 ? 'finderNone' : matched ? 'finderIntro' : 'finderNoMatch', locale), wrap: true },
      ...sessions,
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
