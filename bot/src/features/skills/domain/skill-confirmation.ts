import type { SkillId, SkillLevel } from '../../../kernel/domain/catalog/skills.js';
import { SKILL_IDS } from '../../../kernel/domain/catalog/skills.js';
import { countsAsStaff, type Employee } from '../../../kernel/domain/employee.js';
import { jstDate } from '../../../kernel/domain/jst.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { ReachedLevel, SkillLevels } from './skill-levels.js';

/**
 * 上司確認 (issue 20): a level the employee raised is self-assessed (自己評価) until a 係長級 or 管理職 of the same
 * 課 confirms it (確認済み). With no such person in the roster the 課's DX推進委員 confirms; with neither, the level
 * stays self-assessed and the employee is told so.
 */
export type ConfirmationStatus = 'self-assessed' | 'pending' | 'confirmed' | 'returned';
/** Who is asked: the 課's 係長級/管理職, its DX推進委員, or nobody (stays 自己評価). */
export type ConfirmerRoute = 'supervisor' | 'promoter' | 'none';

export interface SkillConfirmation {
  employeeId: string;
  skillId: SkillId;
  level: SkillLevel;
  status: ConfirmationStatus;
  route: ConfirmerRoute;
  /** The 課 the employee was in when they raised the level: only confirmers of that 課 may decide. */
  departmentId: string | undefined;
  requestedAt: string;
  decidedBy: string | undefined;
  decidedByName: string | undefined;
  decidedAt: string | undefined;
  /** The confirmer's note to the employee when they sent the level back (差し戻し). */
  comment: string | undefined;
}

/** The skills whose reached level went up, with the new level. */
export function raisedLevels(before: SkillLevels, after: SkillLevels): { skillId: SkillId; level: SkillLevel }[] {
  return SKILL_IDS.flatMap((skillId) => (after[skillId] > before[skillId] ? [{ skillId, level: after[skillId] as SkillLevel }] : []));
}

/** The skills whose reached level went down (a drop needs nobody's confirmation). */
export function loweredLevels(before: SkillLevels, after: SkillLevels): { skillId: SkillId; level: ReachedLevel }[] {
  return SKILL_IDS.flatMap((skillId) => (after[skillId] < before[skillId] ? [{ skillId, level: after[skillId] }] : []));
}

const isSupervisorLevel = (employee: Employee) => employee.jobLevel === 'chief' || employee.jobLevel === 'manager';

/**
 * Who confirms an employee's level: every active 係長級/管理職 of their 課 other than themselves; if there is
 * none, the 課's DX推進委員 (if that is not the employee); otherwise nobody.
 */
export function confirmersFor(employee: Employee, colleagues: readonly Employee[]): { route: ConfirmerRoute; confirmers: Employee[] } {
  if (!employee.departmentId) return { route: 'none', confirmers: [] };
  const sameSection = colleagues.filter((colleague) => colleague.id !== employee.id && colleague.departmentId === employee.departmentId && countsAsStaff(colleague));
  const supervisors = sameSection.filter(isSupervisorLevel);
  if (supervisors.length > 0) return { route: 'supervisor', confirmers: supervisors };
  const promoters = sameSection.filter((colleague) => colleague.roles.includes('promoter'));
  if (promoters.length > 0) return { route: 'promoter', confirmers: promoters };
  return { route: 'none', confirmers: [] };
}

export type DecisionProblem = 'own-level' | 'outside-section' | 'not-a-confirmer' | 'no-longer-claimed' | 'not-pending';

/**
 * Whether the caller may decide this request now. `currentLevel` is the level the employee's ticks give today: a
 * request for a level they no longer claim (they unticked since) cannot be confirmed.
 */
export function checkDecision(input: {
  caller: Employee;
  request: SkillConfirmation | undefined;
  claimedLevel: number;
  currentLevel: ReachedLevel;
  route: ConfirmerRoute;
  confirmers: readonly Employee[];
}): DecisionProblem | undefined {
  const { caller, request } = input;
  if (request?.employeeId === caller.id) return 'own-level';
  if (!request || request.status !== 'pending') return 'not-pending';
  if (!caller.departmentId || caller.departmentId !== request.departmentId) return 'outside-section';
  if (!input.confirmers.some((confirmer) => confirmer.id === caller.id)) return 'not-a-confirmer';
  if (input.claimedLevel !== request.level || input.currentLevel !== request.level) return 'no-longer-claimed';
  return undefined;
}

export const DECISION_PROBLEM_MESSAGES: Record<DecisionProblem, LocalizedText> = {
  'own-level': { ja: '自分のスキルレベルは確認できません。', en: 'You cannot confirm your own skill level.' },
  'outside-section': { ja: '確認できるのは同じ課の職員のスキルレベルだけです。', en: 'You can confirm skill levels of staff in your own section only.' },
  'not-a-confirmer': {
    ja: 'このスキルレベルを確認できるのは、同じ課の係長級・管理職（いない場合はDX推進委員）です。',
    en: 'Only a chief or manager of the same section (or its DX promoter when there is none) can confirm this level.',
  },
  'no-longer-claimed': {
    ja: '職員がこのレベルをすでに取り下げたか変更しました。最新の内容を確認してください。',
    en: 'The employee has withdrawn or changed this level since. Check the latest assessment.',
  },
  'not-pending': { ja: 'この確認依頼はすでに処理されたか、存在しません。', en: 'This confirmation request has already been handled or does not exist.' },
};

/** What the employee sees next to each level in マイスキル and what 人事課 sees in 人材データ. */
export function confirmationLabel(confirmation: SkillConfirmation | undefined, currentLevel: ReachedLevel): LocalizedText {
  if (currentLevel === 0) return { ja: '', en: '' };
  if (confirmation?.status === 'confirmed' && confirmation.level === currentLevel) {
    // The date as the ward reads it (JST), not the UTC day of the stored instant.
    const when = confirmation.decidedAt ? jstDate(confirmation.decidedAt) : '';
    return { ja: `確認済み(${confirmation.decidedByName ?? ''} ${when})`, en: `Confirmed (${confirmation.decidedByName ?? ''} ${when})` };
  }
  return { ja: '自己評価', en: 'Self-assessed' };
}

export const ROUTE_NOTES: Record<ConfirmerRoute, LocalizedText> = {
  supervisor: { ja: '同じ課の係長級・管理職に確認を依頼しました。', en: 'Sent to a chief or manager of your section for confirmation.' },
  promoter: {
    ja: '課に係長級・管理職がいないため、課のDX推進委員に確認を依頼しました。',
    en: 'Your section has no chief or manager, so its DX promoter was asked to confirm.',
  },
  none: {
    ja: '課に確認できる係長級・管理職・DX推進委員がいないため、自己評価のままです。',
    en: 'Nobody in your section can confirm (no chief, manager or DX promoter), so the level stays self-assessed.',
  },
};
