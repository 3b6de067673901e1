import { JOB_LEVELS, type JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { SkillId, SkillLevel } from '../../../kernel/domain/catalog/skills.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { MIN_GROUP_SIZE } from './skill-distribution.js';
import type { SkillLevels } from './skill-levels.js';

/** ステップアップ目標 set by デジタル推進課: e.g. every 一般職 at LV1 in every skill by 2027年度. */
export interface StepUpTarget {
  jobLevel: JobLevel;
  skillId: SkillId;
  level: SkillLevel;
  byFiscalYear: number;
  setBy: string;
  setAt: string;
}

/** Refuses a target level outside 1–3 and a 年度 that is not a plausible year, with a message for the admin. */
export function checkTargetInput(input: { level: number; byFiscalYear: number }, currentFiscalYear: number): SkillLevel {
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 3) {
    throw new AppError('invalid-input', {
      detail: `target level ${input.level}`,
      userMessage: { ja: '目標レベルは LV1〜LV3 で指定してください。', en: 'The target level must be LV1 to LV3.' },
    });
  }
  if (!Number.isInteger(input.byFiscalYear) || input.byFiscalYear < currentFiscalYear || input.byFiscalYear > currentFiscalYear + 10) {
    throw new AppError('invalid-input', {
      detail: `target fiscal year ${input.byFiscalYear}`,
      userMessage: { ja: `達成年度は ${currentFiscalYear}〜${currentFiscalYear + 10} 年度で指定してください。`, en: `The fiscal year must be FY${currentFiscalYear} to FY${currentFiscalYear + 10}.` },
    });
  }
  return input.level as SkillLevel;
}

export type TargetShare =
  | { jobLevel: JobLevel; skillId: SkillId; level: SkillLevel; byFiscalYear: number; suppressed: true; people: number }
  | { jobLevel: JobLevel; skillId: SkillId; level: SkillLevel; byFiscalYear: number; suppressed: false; people: number; atOrAbove: number; share: number };

/**
 * For each target, how many of the group's people of that 職層 stand at or above it. A 職層 with fewer than
 * MIN_GROUP_SIZE people in the group is suppressed, like the distributions.
 */
export function targetShares(targets: readonly StepUpTarget[], members: readonly { jobLevel: JobLevel | undefined; levels: SkillLevels }[]): TargetShare[] {
  const ordered = [...targets].sort((a, b) => JOB_LEVELS.indexOf(a.jobLevel) - JOB_LEVELS.indexOf(b.jobLevel) || a.skillId.localeCompare(b.skillId));
  return ordered.map((target) => {
    const base = { jobLevel: target.jobLevel, skillId: target.skillId, level: target.level, byFiscalYear: target.byFiscalYear };
    const group = members.filter((member) => member.jobLevel === target.jobLevel);
    if (group.length < MIN_GROUP_SIZE) return { ...base, suppressed: true, people: group.length };
    const atOrAbove = group.filter((member) => member.levels[target.skillId] >= target.level).length;
    return { ...base, suppressed: false, people: group.length, atOrAbove, share: atOrAbove / group.length };
  });
}
