import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import { localeFrom } from '../../kernel/cards/messages.js';
import { cardMessage, textMessage } from '../../kernel/teams/outgoing-message.js';
import { buildConfirmationRequestCard, decisionNotice } from './cards/confirmation-card.js';
import type { SkillConfirmationNotifier } from './domain/skill-confirmation-service.js';

/**
 * 上司確認 messages go through the delivery engine (paced, durable, retried). Broadcast ids come from the request
 * and its time, so a retried save does not tell anyone twice.
 */
export function createSkillConfirmationNotifier(deps: { engine: Pick<DeliveryEngine, 'send'>; tabUrl: string }): SkillConfirmationNotifier {
  return {
    async requested(item, confirmers) {
      await deps.engine.send({
        id: `skill-confirmation-${item.employeeId}-${item.skillId}-${Date.parse(item.requestedAt)}`,
        kind: 'skill-confirmation-request',
        createdBy: 'system',
        title: `スキルレベル確認依頼 ${item.skillId} LV${item.level}`,
        audience: `confirmers of ${item.employeeName}`,
        variants: { ja: cardMessage(buildConfirmationRequestCard(item, 'ja', deps.tabUrl)), en: cardMessage(buildConfirmationRequestCard(item, 'en', deps.tabUrl)) },
        recipients: confirmers.map((confirmer) => ({ employeeId: confirmer.id, variant: confirmer.preferredLocale ?? localeFrom(confirmer.locale) })),
      });
    },
    async decided(confirmation, employee) {
      if (!employee) return;
      await deps.engine.send({
        id: `skill-confirmation-decided-${confirmation.employeeId}-${confirmation.skillId}-${Date.parse(confirmation.decidedAt ?? '')}`,
        kind: 'skill-confirmation-decision',
        createdBy: confirmation.decidedBy ?? 'system',
        title: `スキルレベル${confirmation.status === 'confirmed' ? '確認' : '差し戻し'} ${confirmation.skillId} LV${confirmation.level}`,
        audience: 'the employee',
        variants: { ja: textMessage(decisionNotice(confirmation, 'ja')), en: textMessage(decisionNotice(confirmation, 'en')) },
        recipients: [{ employeeId: employee.id, variant: employee.preferredLocale ?? localeFrom(employee.locale) }],
      });
    },
  };
}
