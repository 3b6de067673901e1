import { cardMessage, employeeLocales } from '../../kernel/teams/outgoing-message.js';
import { buildSurveyCard } from './cards/survey-card.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import type { SurveyNotifier } from './domain/survey-ports.js';
import type { SurveyRound } from './domain/survey-rounds.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';

/**
 * Survey invitations and reminders as broadcasts: stored, paced and delivered once each by the delivery engine.
 * Broadcast ids come from the round (and the reminder slot), so a repeated call never sends twice. Their reports
 * are counts only: a reminder's recipients are exactly who had not answered.
 */
export function createSurveyNotifier(deps: { engine: Pick<DeliveryEngine, 'send'>; employees: EmployeeRepository }): SurveyNotifier {
  const variants = (round: SurveyRound) =>
    Object.fromEntries((['ja', 'en'] as const).map((locale) => [locale, cardMessage(buildSurveyCard({ round, locale }))]));
  const recipients = async (employeeIds: readonly string[]) => {
    const localeOf = await employeeLocales(deps.employees);
    return employeeIds.map((employeeId) => ({ employeeId, variant: localeOf(employeeId) }));
  };
  const audience = (round: SurveyRound) => `survey ${round.id} (${round.kind}, FY${round.fiscalYear})`;
  return {
    async invite(round, employeeIds) {
      await deps.engine.send({
        id: `survey-invitation-${round.id}`,
        kind: 'survey-invitation',
        createdBy: 'system',
        title: `アンケートのご案内 ${round.fiscalYear}年度`,
        audience: audience(round),
        variants: variants(round),
        recipients: await recipients(employeeIds),
        // Who was invited or reminded (not answered yet) is never reported, only how many.
        countsOnly: true,
        workingHours: true,
      });
    },
    async remind(round, employeeIds, slot) {
      await deps.engine.send({
        id: `survey-reminder-${round.id}-${slot}`,
        kind: 'survey-reminder',
        createdBy: 'system',
        title: `アンケートのリマインド ${round.fiscalYear}年度`,
        audience: `${audience(round)}: not answered`,
        variants: variants(round),
        recipients: await recipients(employeeIds),
        // Who was invited or reminded (not answered yet) is never reported, only how many.
        countsOnly: true,
        workingHours: true,
      });
    },
  };
}
