import { MessageFactory } from 'botbuilder';
import { localeFrom } from '../cards/messages.js';
import { formatJstDateTime } from '../domain/jst.js';
import type { EmployeeRepository, SessionCancellationNotifier } from '../domain/ports.js';
import type { DeliveryEngine } from './delivery-engine.js';

/** A cancelled session is one broadcast to those signed up or waiting; its id is the session's, so it goes once. */
export function createSessionCancellationNotifier(deps: { engine: Pick<DeliveryEngine, 'send'>; employees: EmployeeRepository }): SessionCancellationNotifier {
  return {
    async sessionCancelled(session, courseTitle, employeeIds) {
      const localeOf = new Map((await deps.employees.list()).map((employee) => [employee.id, localeFrom(employee.locale)]));
      const text = {
        ja: `【研修中止】${courseTitle.ja}(${formatJstDateTime(session.startsAt, 'ja')})は中止になりました。お申し込みは取り消されています。`,
        en: `[Cancelled] ${courseTitle.en || courseTitle.ja} (${formatJstDateTime(session.startsAt, 'en')}) has been cancelled. Your sign-up no longer applies.`,
      };
      await deps.engine.send({
        id: `session-cancelled-${session.id}`,
        kind: 'session-cancelled',
        createdBy: 'system',
        title: `研修中止 ${courseTitle.ja}`,
        audience: `signed up for session ${session.id}`,
        variants: { ja: MessageFactory.text(text.ja) as unknown as Record<string, unknown>, en: MessageFactory.text(text.en) as unknown as Record<string, unknown> },
        recipients: employeeIds.map((employeeId) => ({ employeeId, variant: localeOf.get(employeeId) ?? 'ja' })),
      });
    },
  };
}
