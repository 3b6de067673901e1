import { describe, expect, it } from 'vitest';
import { POLICY_COURSES } from '../../../bot/src/kernel/domain/catalog/courses.js';
import { SKILLS } from '../../../bot/src/kernel/domain/catalog/skills.js';
import { checkTicks, levelOf, levelsFromTicks, recommendCourses, trainingMap } from '../../../bot/src/features/skills/domain/skill-levels.js';

const allOf = (skillId: string, upTo: number) =>
  SKILLS.find((skill) => skill.id === skillId)!.levels.filter((level) => level.level <= upTo).flatMap((level) => level.criteria.map((criterion) => criterion.id));

describe('skill levels from ticked criteria', () => {
  it('when nothing is ticked, then every skill is LV0', () => {
    expect(Object.values(levelsFromTicks(new Set()))).toEqual([0, 0, 0, 0, 0]);
  });

  it('when all LV1 criteria of データ活用 but one are ticked, then it is still LV0; with the last one it is LV1', () => {
    const lv1 = allOf('data-utilization', 1);
    expect(levelOf('data-utilization', new Set(lv1.slice(0, -1)))).toBe(0);
    expect(levelOf('data-utilization', new Set(lv1))).toBe(1);
  });

  it('when every criterion of セキュリティ is ticked, then it is LV3 and the other skills are untouched', () => {
    const levels = levelsFromTicks(new Set(allOf('security', 3)));
    expect(levels.security).toBe(3);
    expect(levels['business-reform']).toBe(0);
  });

  it('when a LV2 criterion is ticked with LV1 incomplete, then the tick is refused as skipping a level', () => {
    expect(checkTicks(new Set(['business-reform.lv2.1']))).toEqual([
      { kind: 'skips-level', criterionId: 'business-reform.lv2.1', skillId: 'business-reform', missingLevel: 1 },
    ]);
    expect(checkTicks(new Set([...allOf('business-reform', 1), 'business-reform.lv2.1']))).toEqual([]);
  });

  it('when a criterion id does not exist, then the tick is refused', () => {
    expect(checkTicks(new Set(['business-reform.lv9.9']))).toEqual([{ kind: 'unknown-criterion', criterionId: 'business-reform.lv9.9' }]);
  });
});

describe('recommended courses', () => {
  it('when an employee has no skills yet, then every skill is recommended towards LV1 with the policy’s first open criterion as the reason', () => {
    const recommendations = recommendCourses({ ticked: new Set(), courses: POLICY_COURSES, locale: 'ja' });
    expect(recommendations.map((recommendation) => recommendation.skillId)).toEqual(SKILLS.map((skill) => skill.id));
    const data = recommendations.find((recommendation) => recommendation.skillId === 'data-utilization')!;
    expect(data.reason).toBe('データ活用 LV1: データの収集方法を理解している');
    expect(data.courses.map((course) => course.id)).toEqual(['data-utilization']);
  });

  it('when a step-up goal is set, then the biggest gap comes first and reached skills drop out', () => {
    const ticked = new Set([...allOf('business-reform', 1), ...allOf('project-management', 1), ...allOf('digital-utilization', 1), ...allOf('data-utilization', 1)]);
    const recommendations = recommendCourses({ ticked, goals: { 'data-utilization': 3 }, courses: POLICY_COURSES, locale: 'en' });
    expect(recommendations.map((recommendation) => [recommendation.skillId, recommendation.gap])).toEqual([
      ['data-utilization', 2],
      ['security', 1],
    ]);
    expect(recommendations[0]!.reason).toMatch(/^Data utilisation LV2: /);
    expect(recommendations[0]!.courses.map((course) => course.id).sort()).toEqual(['data-utilization', 'logic-model']);
  });

  it('when the training map is drawn, then each skill level lists the courses that teach it', () => {
    const map = trainingMap(POLICY_COURSES);
    expect(map.security[1].map((course) => course.id)).toEqual(['security']);
    expect(map['project-management'][3]).toEqual([]);
  });
});
