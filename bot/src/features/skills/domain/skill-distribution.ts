import { SKILL_IDS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import type { SkillLevels } from './skill-levels.js';

/** Groups smaller than this are not shown, so nobody's self-assessment can be read off a department view. */
export const MIN_GROUP_SIZE = 5;

export type LevelCounts = [lv0: number, lv1: number, lv2: number, lv3: number];

export type SkillDistribution =
  | { suppressed: true; people: number }
  | { suppressed: false; people: number; bySkill: Record<SkillId, LevelCounts> };

/**
 * How many people stand at LV0–LV3 in each skill. The whole group is suppressed below MIN_GROUP_SIZE people;
 * people who never self-assessed count as LV0, as the policy expects LV1 of everyone.
 */
export function levelDistribution(levels: readonly SkillLevels[]): SkillDistribution {
  if (levels.length < MIN_GROUP_SIZE) return { suppressed: true, people: levels.length };
  const bySkill = Object.fromEntries(SKILL_IDS.map((skillId) => [skillId, [0, 0, 0, 0] as LevelCounts])) as Record<SkillId, LevelCounts>;
  for (const person of levels) {
    for (const skillId of SKILL_IDS) bySkill[skillId][person[skillId]] += 1;
  }
  return { suppressed: false, people: levels.length, bySkill };
}
