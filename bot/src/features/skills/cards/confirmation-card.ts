import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { SKILLS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { jstDate } from '../../../kernel/domain/jst.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import type { ConfirmationQueueItem } from '../domain/skill-confirmation-service.js';
import type { SkillConfirmation } from '../domain/skill-confirmation.js';

/** The Action.Execute verbs of the confirmer's card; the skills chat handlers answer them. */
export const CONFIRMATION_VERBS = { confirm: 'skills.confirm-level', return: 'skills.return-level' } as const;
/** The id of the card's comment field (its value arrives in the 差し戻す submit data). */
export const CONFIRMATION_COMMENT_INPUT = 'comment';

/** The skills feature's own card texts (Japanese first, English twin). */
export const CONFIRMATION_MESSAGES = {
  requestTitle: { ja: 'スキルレベルの確認依頼', en: 'Skill level to confirm' },
  requestBody: { ja: '{name} さんが「{skill}」を LV{level} に上げました。内容を確認してください。', en: '{name} raised "{skill}" to LV{level}. Please review it.' },
  evidenceTrainings: { ja: '修了した研修', en: 'Completed training' },
  evidenceExams: { ja: 'IT試験の合格', en: 'IT exam passes' },
  noEvidence: { ja: 'なし', en: 'None' },
  openQueue: { ja: 'タブで確認する / 差し戻す', en: 'Confirm or send back in the tab' },
  openTab: { ja: 'タブで確認待ちを見る', en: 'See the queue in the tab' },
  confirm: { ja: '確認する', en: 'Confirm' },
  returnLevel: { ja: '差し戻す', en: 'Send back' },
  sendReturn: { ja: 'コメントを付けて差し戻す', en: 'Send back with this comment' },
  commentLabel: { ja: '職員へのコメント（必須）', en: 'Comment to the employee (required)' },
  commentPlaceholder: { ja: '例：研修の修了後にもう一度申告してください。', en: 'e.g. Please claim it again after the training.' },
  commentRequired: { ja: '差し戻すときは、職員へのコメントを入力してください。', en: 'Write a comment to the employee when sending a level back.' },
  outcomeTitle: { ja: 'スキルレベルの確認', en: 'Skill level review' },
  outcomeSubject: { ja: '{name} さんの「{skill}」LV{level}', en: '{name}: "{skill}" LV{level}' },
  outcomeSubjectNoName: { ja: '「{skill}」LV{level}', en: '"{skill}" LV{level}' },
  confirmedByYou: { ja: '確認済み（{by} {date}）。職員に通知しました。', en: 'Confirmed ({by} {date}). The employee has been told.' },
  returnedByYou: { ja: '差し戻し（{by} {date}）。職員にコメントを送りました。', en: 'Sent back ({by} {date}). The employee has been sent your comment.' },
  alreadyConfirmed: { ja: '{by} さんがすでに確認しました（確認済み {date}）。', en: '{by} already confirmed this level ({date}).' },
  alreadyReturned: { ja: '{by} さんがすでに差し戻しました（{date}）。', en: '{by} already sent this level back ({date}).' },
  commentShown: { ja: 'コメント：{comment}', en: 'Comment: {comment}' },
  refusedTitle: { ja: 'この操作はできませんでした', en: 'This could not be done' },
  confirmedNotice: { ja: '「{skill}」LV{level} が {by} さんにより確認されました(確認済み)。', en: '"{skill}" LV{level} was confirmed by {by}.' },
  returnedNotice: { ja: '「{skill}」LV{level} が {by} さんから差し戻されました。コメント: {comment}', en: '"{skill}" LV{level} was sent back by {by}. Comment: {comment}' },
} as const satisfies Record<string, LocalizedText>;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
const skillName = (skillId: string, locale: Locale) => SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId;

/**
 * The chat card a confirmer gets: who raised what, the evidence, 確認する and 差し戻す (which opens a required comment
 * field) right on the card, and the way to the tab's queue. `problem` is shown on the card when a press was refused
 * for something the confirmer can fix (a 差し戻し with no comment).
 */
export function buildConfirmationRequestCard(item: ConfirmationQueueItem, locale: Locale, queueUrl: string, problem?: string): CardAttachment {
  const m = CONFIRMATION_MESSAGES;
  const list = (lines: string[]): CardElement => ({ type: 'TextBlock', text: lines.length > 0 ? lines.map((line) => `・${line}`).join('\n') : m.noEvidence[locale], wrap: true });
  const data = { employeeId: item.employeeId, skillId: item.skillId, level: item.level };
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: m.requestTitle[locale], size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: fill(m.requestBody[locale], { name: plainText(item.employeeName), skill: skillName(item.skillId, locale), level: String(item.level) }), wrap: true },
      { type: 'TextBlock', text: m.evidenceTrainings[locale], weight: 'Bolder', wrap: true, spacing: 'Medium' },
      list(item.evidence.completions.map((completion) => `${completion.title[locale] || completion.title.ja} (${completion.completedOn})`)),
      { type: 'TextBlock', text: m.evidenceExams[locale], weight: 'Bolder', wrap: true, spacing: 'Medium' },
      list(item.evidence.examPasses.map((pass) => `${pass.name[locale] || pass.name.ja} (${pass.passedOn})`)),
      ...(problem ? [{ type: 'TextBlock', text: problem, color: 'Attention', weight: 'Bolder', wrap: true, spacing: 'Medium' } as const] : []),
    ],
    actions: [
      { type: 'Action.Execute', title: m.confirm[locale], verb: CONFIRMATION_VERBS.confirm, data, style: 'positive' },
      {
        type: 'Action.ShowCard',
        title: m.returnLevel[locale],
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.Text',
              id: CONFIRMATION_COMMENT_INPUT,
              label: m.commentLabel[locale],
              placeholder: m.commentPlaceholder[locale],
              isMultiline: true,
              maxLength: 500,
              isRequired: true,
              errorMessage: m.commentRequired[locale],
            },
          ],
          actions: [{ type: 'Action.Execute', title: m.sendReturn[locale], verb: CONFIRMATION_VERBS.return, data, style: 'destructive' }],
        },
      },
      { type: 'Action.OpenUrl', title: m.openQueue[locale], url: queueUrl },
    ],
  });
}

/** What became of a press on the confirmer's card: decided now, decided earlier by someone, or refused. */
export type ConfirmationOutcome =
  | { kind: 'decided'; confirmation: SkillConfirmation; employeeName: string }
  | { kind: 'already-decided'; confirmation: SkillConfirmation; employeeName: string | undefined }
  | { kind: 'refused'; skillId: SkillId; level: number; message: string };

/** The confirmer's card after a press, in place of the request: the outcome (or why nothing was done). */
export function buildConfirmationOutcomeCard(outcome: ConfirmationOutcome, locale: Locale, queueUrl: string): CardAttachment {
  const m = CONFIRMATION_MESSAGES;
  const subject = (skillId: SkillId, level: number, name: string | undefined) =>
    name
      ? fill(m.outcomeSubject[locale], { name: plainText(name), skill: skillName(skillId, locale), level: String(level) })
      : fill(m.outcomeSubjectNoName[locale], { skill: skillName(skillId, locale), level: String(level) });
  const body: CardElement[] = [];
  if (outcome.kind === 'refused') {
    body.push(
      { type: 'TextBlock', text: m.refusedTitle[locale], size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: subject(outcome.skillId, outcome.level, undefined), wrap: true },
      { type: 'TextBlock', text: outcome.message, color: 'Attention', wrap: true },
    );
  } else {
    const c = outcome.confirmation;
    const values = { by: plainText(c.decidedByName ?? ''), date: c.decidedAt ? jstDate(c.decidedAt) : '' };
    const text =
      outcome.kind === 'decided'
        ? fill((c.status === 'confirmed' ? m.confirmedByYou : m.returnedByYou)[locale], values)
        : fill((c.status === 'confirmed' ? m.alreadyConfirmed : m.alreadyReturned)[locale], values);
    body.push(
      { type: 'TextBlock', text: m.outcomeTitle[locale], size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: subject(c.skillId, c.level, outcome.employeeName), wrap: true },
      { type: 'TextBlock', text, color: c.status === 'confirmed' ? 'Good' : 'Warning', weight: 'Bolder', wrap: true },
    );
    if (c.status === 'returned' && c.comment) body.push({ type: 'TextBlock', text: fill(m.commentShown[locale], { comment: plainText(c.comment) }), wrap: true });
  }
  return adaptiveCard({ body, actions: [{ type: 'Action.OpenUrl', title: m.openTab[locale], url: queueUrl }] });
}

/** The text the employee gets when their level is confirmed or sent back. */
export function decisionNotice(confirmation: SkillConfirmation, locale: Locale): string {
  const values = { skill: skillName(confirmation.skillId, locale), level: String(confirmation.level), by: confirmation.decidedByName ?? '', comment: confirmation.comment ?? '' };
  return fill((confirmation.status === 'confirmed' ? CONFIRMATION_MESSAGES.confirmedNotice : CONFIRMATION_MESSAGES.returnedNotice)[locale], values);
}
