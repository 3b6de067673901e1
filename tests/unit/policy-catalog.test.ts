import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIRECT_OUTCOMES,
  HR_MEASURED_OUTCOME,
  JOB_LEVELS,
  MINDSETS,
  POLICY_COURSES,
  REFERENCE_SURVEY_2024,
  SKILLS,
  SURVEY_INDICATORS,
  findCriterion,
  isTargetAchieved,
  mindsetStatementsFor,
  nextBenchmark,
} from '../../bot/src/kernel/domain/catalog/index.js';

// The policy as the ward published it; whitespace is dropped on both sides because the PDF extraction
// breaks lines and inserts spaces inside words and numbers. Widths are folded (NFKC) because the cards set every
// Japanese parenthesis full-width （…） while the extraction gives half-width ones: the words must match, not the width.
const policyText = readFileSync(resolve(import.meta.dirname, '../../../shared/policy/000_437d8403a6f735f5.txt'), 'utf8');
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const policy = squash(policyText);
const inPolicy = (text: string) => policy.includes(squash(text));

describe('policy catalog', () => {
  it('when the skills are read, then there are the five 専門スキル with the policy’s criteria counts per level', () => {
    expect(SKILLS.map((skill) => skill.name.ja)).toEqual(['業務改革', 'プロジェクトマネジメント', 'デジタル活用', 'データ活用', 'セキュリティ']);
    expect(SKILLS.map((skill) => skill.levels.map((level) => level.criteria.length))).toEqual([
      [3, 2, 2],
      [2, 2, 3],
      [3, 3, 4],
      [3, 2, 3],
      [1, 1, 3],
    ]);
  });

  it('when any criterion, skill description or level scope is shown, then its Japanese is verbatim from the policy', () => {
    for (const skill of SKILLS) {
      expect(inPolicy(skill.description.ja), skill.description.ja).toBe(true);
      for (const level of skill.levels) {
        expect(inPolicy(level.scope.ja), level.scope.ja).toBe(true);
        for (const criterion of level.criteria) expect(inPolicy(criterion.text.ja), criterion.text.ja).toBe(true);
      }
    }
  });

  it('when criterion ids are looked up, then each is unique and found with its skill and level', () => {
    const ids = SKILLS.flatMap((skill) => skill.levels.flatMap((level) => level.criteria.map((criterion) => criterion.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(findCriterion('data-utilization.lv1.2')).toMatchObject({ skillId: 'data-utilization', level: 1, text: { ja: '数値データを集計し、適切な方法で表やグラフに変換できる。' } });
    expect(findCriterion('no-such.lv9.1')).toBeUndefined();
  });

  it('when mindsets are read for a job level, then the three categories carry statements found in the policy', () => {
    expect(MINDSETS.map((mindset) => mindset.name.ja)).toEqual(['柔軟性・適応性・チームワーク', 'デジタルリテラシー', '区民目線']);
    for (const mindset of MINDSETS) expect(inPolicy(mindset.description.ja), mindset.description.ja).toBe(true);
    for (const jobLevel of JOB_LEVELS) {
      const groups = mindsetStatementsFor(jobLevel);
      expect(groups).toHaveLength(3);
      for (const group of groups) {
        expect(group.statements.length).toBeGreaterThan(0);
        // Statements confined to one cell survive the PDF extraction contiguously; the spanning ones were split.
        for (const statement of group.mindset.byJobLevel[jobLevel]) expect(inPolicy(statement.text.ja), statement.text.ja).toBe(true);
      }
    }
    const general = mindsetStatementsFor('general').flatMap((group) => group.statements.map((statement) => statement.text.ja));
    expect(general).toContain('ローコードツール等をまずは使ってみようと思える');
    expect(general).not.toContain('所属としてのDX施策の方向性を示したいと考える');
  });

  it('when the logic model is read, then outcomes 01–08 and their activity descriptions match the policy', () => {
    expect(DIRECT_OUTCOMES.map((outcome) => outcome.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
    for (const outcome of DIRECT_OUTCOMES) {
      expect(inPolicy(outcome.title.ja), outcome.title.ja).toBe(true);
      for (const activity of outcome.activities) {
        expect(inPolicy(activity.name.ja), activity.name.ja).toBe(true);
        expect(inPolicy(activity.description), activity.description).toBe(true);
      }
    }
  });

  it('when the training menu is read, then every training the policy names is there and mapped to an outcome', () => {
    const titles = POLICY_COURSES.map((course) => course.title.ja).join('|');
    for (const name of [
      'BPR',
      'RPA',
      'DXツール操作体験会',
      'ITリテラシー研修',
      'セキュリティ研修',
      'データ利活用研修',
      'ロジックモデル・プログラム評価研修',
      'サービスデザイン研修',
      '伝わるデザイン研修',
      'プロジェクトマネジメント研修',
      'DX推進委員研修',
      'マインドセット研修',
    ]) {
      expect(titles).toContain(name);
    }
    for (const course of POLICY_COURSES) {
      expect(course.outcomes.length, course.id).toBeGreaterThan(0);
      expect(course.teaches.length + course.mindsets.length, course.id).toBeGreaterThan(0);
      expect(inPolicy(course.description.ja), course.description.ja).toBe(true);
    }
    expect(POLICY_COURSES.find((course) => course.id === 'security')?.outcomes).toEqual(['08']);
  });

  it('when the survey indicators are read, then questions, baselines and targets are the policy’s table', () => {
    expect(SURVEY_INDICATORS.map((indicator) => [indicator.id, indicator.baseline])).toEqual([
      ['01', 3.043],
      ['03', 2.848],
      ['04', 3.016],
      ['05', 3.022],
      ['06', 2.953],
      ['07', 3.042],
      ['08', 2.994],
      ['08-security', 3.683],
    ]);
    for (const indicator of SURVEY_INDICATORS) {
      expect(inPolicy(indicator.question.ja), indicator.question.ja).toBe(true);
      expect(inPolicy(indicator.name.ja), indicator.name.ja).toBe(true);
      if (indicator.note) expect(inPolicy(indicator.note.ja), indicator.note.ja).toBe(true);
    }
    expect(SURVEY_INDICATORS.filter((indicator) => indicator.id !== '08-security').every((indicator) => indicator.target.kind === 'value' && indicator.target.value === 3.5)).toBe(true);
    expect(SURVEY_INDICATORS.find((indicator) => indicator.id === '08-security')?.target).toEqual({ kind: 'at-least-baseline' });
    expect(inPolicy(HR_MEASURED_OUTCOME.text.ja)).toBe(true);
    expect(REFERENCE_SURVEY_2024).toEqual({ conductedIn: '2024-05', responses: 2251, responseRate: 0.431 });
  });

  it('when next year’s benchmark is computed, then the policy’s rule holds at every boundary', () => {
    expect(nextBenchmark(2.4999)).toEqual({ kind: 'value', value: 3 });
    expect(nextBenchmark(2.5)).toEqual({ kind: 'value', value: 3.5 });
    expect(nextBenchmark(3.4999)).toEqual({ kind: 'value', value: 3.5 });
    expect(nextBenchmark(3.5)).toEqual({ kind: 'at-least', value: 3.5 });
    expect(nextBenchmark(3.683)).toEqual({ kind: 'at-least', value: 3.683 });
    expect(() => nextBenchmark(0.5)).toThrow(RangeError);
  });

  it('when a mean is compared with its target, then the security question needs its baseline and the others 3.5', () => {
    const security = SURVEY_INDICATORS.find((indicator) => indicator.id === '08-security')!;
    const efficiency = SURVEY_INDICATORS.find((indicator) => indicator.id === '01')!;
    expect(isTargetAchieved(3.683, security)).toBe(true);
    expect(isTargetAchieved(3.682, security)).toBe(false);
    expect(isTargetAchieved(3.5, efficiency)).toBe(true);
    expect(isTargetAchieved(3.499, efficiency)).toBe(false);
  });
});
