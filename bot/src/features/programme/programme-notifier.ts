import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import { cardMessage, employeeLocales } from '../../kernel/teams/outgoing-message.js';
import { buildNominationNoticeCard } from './cards/nomination-notice-card.js';
import type { Nomination } from './domain/award-nominations.js';

/**
 * Tells the nominator what デジタル推進課 decided, through the delivery engine (one recipient). The broadcast id
 * carries the decision's time, so a retried request sends once and a later decision sends again.
 */
export function createNominationNotifier(deps: { engine: Pick<DeliveryEngine, 'send'>; employees: EmployeeRepository; tabUrl: string }) {
  return async (nomination: Nomination) => {
    const localeOf = await employeeLocales(deps.employees);
    await deps.engine.send({
      id: nominationNoticeId(nomination),
      kind: 'award-nomination-notice',
      createdBy: 'system',
      title: `優良事例の推薦: ${nomination.state}`,
      audience: 'nominator',
      variants: Object.fromEntries((['ja', 'en'] as const).map((locale) => [locale, cardMessage(buildNominationNoticeCard({ nomination, locale, tabUrl: deps.tabUrl }))])),
      recipients: [{ employeeId: nomination.nominatorId, variant: localeOf(nomination.nominatorId) }],
      countsOnly: false,
    });
  };
}

export const nominationNoticeId = (nomination: Pick<Nomination, 'id' | 'state' | 'updatedAt'>) =>
  `nomination-${nomination.id}-${nomination.state}-${nomination.updatedAt.replace(/[^0-9]/g, '')}`;
