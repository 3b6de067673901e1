import { t } from '../../kernel/cards/messages.js';
import { formatJstDateTime } from '../../kernel/domain/jst.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import type { SessionCancellationNotifier } from './domain/training-ports.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import { employeeLocales, textMessage } from '../../kernel/teams/outgoing-message.js';

/** A cancelled session is one broadcast to those signed up or waiting; its id is the session's, so it goes once. */
export function createSessionCancellationNotifier(deps: { engine: Pick<DeliveryEngine, 'send'>; employees: EmployeeRepository }): SessionCancellationNotifier {
  return {
    async sessionCancelled(session, courseTitle, employeeIds) {
      const localeOf = await employeeLocales(deps.employees);
      const notice = (locale: 'ja' | 'en') =>
        textMessage(t('sessionCancelledNotice', locale, { course: courseTitle[locale] || courseTitle.ja, when: formatJstDateTime(session.startsAt, locale) }));
      await deps.engine.send({
        id: `session-cancelled-${session.id}`,
        kind: 'session-cancelled',
        createdBy: 'system',
        title: `研修中止 ${courseTitle.ja}`,
        audience: `signed up for session ${session.id}`,
        variants: { ja: notice('ja'), en: notice('en') },
        recipients: employeeIds.map((employeeId) => ({ employeeId, variant: localeOf(employeeId) })),
      });
    },
  };
}
