import type { Course } from '../../../kernel/domain/catalog/courses.js';
import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { SKILLS, findCriterion, type SkillId, type SkillLevel } from '../../../kernel/domain/catalog/skills.js';

/**
 * 第3章 4. 専門スキル as rules: a level counts as reached when all its criteria and those of every level below
 * are ticked; LV1 is everyone's goal.
 */
export type ReachedLevel = 0 | SkillLevel;
export type SkillLevels = Record<SkillId, ReachedLevel>;

export type TickProblem =
  | { kind: 'unknown-criterion'; criterionId: string }
  | { kind: 'skips-level'; criterionId: string; skillId: SkillId; missingLevel: SkillLevel };

/** Ticks are valid when every id exists and no level is ticked while a level below it is incomplete. */
export function checkTicks(ticked: ReadonlySet<string>): TickProblem[] {
  const problems: TickProblem[] = [];
  for (const criterionId of ticked) {
    const criterion = findCriterion(criterionId);
    if (!criterion) {
      problems.push({ kind: 'unknown-criterion', criterionId });
      continue;
    }
    const skill = SKILLS.find((candidate) => candidate.id === criterion.skillId)!;
    const incompleteBelow = skill.levels.find(
      (level) => level.level < criterion.level && level.criteria.some((below) => !ticked.has(below.id)),
    );
    if (incompleteBelow) {
      problems.push({ kind: 'skips-level', criterionId, skillId: skill.id, missingLevel: incompleteBelow.level });
    }
  }
  return problems;
}

export function levelOf(skillId: SkillId, ticked: ReadonlySet<string>): ReachedLevel {
  const skill = SKILLS.find((candidate) => candidate.id === skillId)!;
  let reached: ReachedLevel = 0;
  for (const level of skill.levels) {
    if (!level.criteria.every((criterion) => ticked.has(criterion.id))) break;
    reached = level.level;
  }
  return reached;
}

export function levelsFromTicks(ticked: ReadonlySet<string>): SkillLevels {
  return Object.fromEntries(SKILLS.map((skill) => [skill.id, levelOf(skill.id, ticked)])) as SkillLevels;
}

export interface Recommendation {
  skillId: SkillId;
  /** The level the employee is working towards in this skill. */
  targetLevel: SkillLevel;
  gap: number;
  courses: Course[];
  /** e.g. 「データ活用 LV1: 数値データを集計し…」: the first criterion still open at the next level. */
  reason: string;
}

/**
 * Courses for every skill below its target (LV1 for everyone, or the step-up goal the employee set), for the
 * next level to reach; the biggest gap first, then the policy's skill order.
 */
export function recommendCourses(input: {
  ticked: ReadonlySet<string>;
  goals?: Partial<Record<SkillId, SkillLevel>>;
  courses: readonly Course[];
  locale: Locale;
}): Recommendation[] {
  const recommendations: Recommendation[] = [];
  for (const skill of SKILLS) {
    const reached = levelOf(skill.id, input.ticked);
    const targetLevel = Math.max(1, input.goals?.[skill.id] ?? 1) as SkillLevel;
    if (reached >= targetLevel) continue;
    const nextLevel = (reached + 1) as SkillLevel;
    const open = skill.levels[nextLevel - 1]!.criteria.find((criterion) => !input.ticked.has(criterion.id))!;
    recommendations.push({
      skillId: skill.id,
      targetLevel,
      gap: targetLevel - reached,
      courses: input.courses.filter((course) => course.teaches.some((taught) => taught.skillId === skill.id && taught.level === nextLevel)),
      reason: `${skill.name[input.locale]} LV${nextLevel}: ${open.text[input.locale]}`,
    });
  }
  return recommendations.sort((a, b) => b.gap - a.gap || SKILLS.findIndex((s) => s.id === a.skillId) - SKILLS.findIndex((s) => s.id === b.skillId));
}

/** DXスキル・研修受講マップ: for each skill and level, the courses that teach it. */
export function trainingMap(courses: readonly Course[]): Record<SkillId, Record<SkillLevel, Course[]>> {
  return Object.fromEntries(
    SKILLS.map((skill) => [
      skill.id,
      Object.fromEntries(
        ([1, 2, 3] as const).map((level) => [
          level,
          courses.filter((course) => course.teaches.some((taught) => taught.skillId === skill.id && taught.level === level)),
        ]),
      ),
    ]),
  ) as Record<SkillId, Record<SkillLevel, Course[]>>;
}
