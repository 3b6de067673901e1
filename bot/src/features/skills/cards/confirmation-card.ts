import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { SKILLS } from '../../../kernel/domain/catalog/skills.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import type { ConfirmationQueueItem } from '../domain/skill-confirmation-service.js';
import type { SkillConfirmation } from '../domain/skill-confirmation.js';

/** The skills feature's own card texts (Japanese first, English twin). */
export const CONFIRMATION_MESSAGES = {
  requestTitle: { ja: 'スキルレベルの確認依頼', en: 'Skill level to confirm' },
  requestBody: { ja: '{name} さんが「{skill}」を LV{level} に上げました。内容を確認してください。', en: '{name} raised "{skill}" to LV{level}. Please review it.' },
  evidenceTrainings: { ja: '修了した研修', en: 'Completed training' },
  evidenceExams: { ja: 'IT試験の合格', en: 'IT exam passes' },
  noEvidence: { ja: 'なし', en: 'None' },
  openQueue: { ja: 'タブで確認する / 差し戻す', en: 'Confirm or send back in the tab' },
  confirmedNotice: { ja: '「{skill}」LV{level} が {by} さんにより確認されました(確認済み)。', en: '"{skill}" LV{level} was confirmed by {by}.' },
  returnedNotice: { ja: '「{skill}」LV{level} が {by} さんから差し戻されました。コメント: {comment}', en: '"{skill}" LV{level} was sent back by {by}. Comment: {comment}' },
} as const satisfies Record<string, LocalizedText>;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
const skillName = (skillId: string, locale: Locale) => SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId;

/** The chat card a confirmer gets: who raised what, the evidence, and the way to the tab's queue. */
export function buildConfirmationRequestCard(item: ConfirmationQueueItem, locale: Locale, queueUrl: string): CardAttachment {
  const m = CONFIRMATION_MESSAGES;
  const list = (lines: string[]): CardElement => ({ type: 'TextBlock', text: lines.length > 0 ? lines.map((line) => `・${line}`).join('\n') : m.noEvidence[locale], wrap: true });
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: m.requestTitle[locale], size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: fill(m.requestBody[locale], { name: item.employeeName, skill: skillName(item.skillId, locale), level: String(item.level) }), wrap: true },
      { type: 'TextBlock', text: m.evidenceTrainings[locale], weight: 'Bolder', wrap: true, spacing: 'Medium' },
      list(item.evidence.completions.map((completion) => `${completion.title[locale] || completion.title.ja} (${completion.completedOn})`)),
      { type: 'TextBlock', text: m.evidenceExams[locale], weight: 'Bolder', wrap: true, spacing: 'Medium' },
      list(item.evidence.examPasses.map((pass) => `${pass.name[locale] || pass.name.ja} (${pass.passedOn})`)),
    ],
    actions: [{ type: 'Action.OpenUrl', title: m.openQueue[locale], url: queueUrl }],
  });
}

/** The text the employee gets when their level is confirmed or sent back. */
export function decisionNotice(confirmation: SkillConfirmation, locale: Locale): string {
  const values = { skill: skillName(confirmation.skillId, locale), level: String(confirmation.level), by: confirmation.decidedByName ?? '', comment: confirmation.comment ?? '' };
  return fill((confirmation.status === 'confirmed' ? CONFIRMATION_MESSAGES.confirmedNotice : CONFIRMATION_MESSAGES.returnedNotice)[locale], values);
}
