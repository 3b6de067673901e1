import { describe, expect, it } from 'vitest';
import { JOB_LEVELS } from '../../../bot/src/kernel/domain/catalog/job-levels.js';
import { SURVEY_INDICATORS } from '../../../bot/src/kernel/domain/catalog/survey-indicators.js';
import { ANNUAL_QUESTION_IDS } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import {
  aggregateSurveyRound,
  surveyResultsCsv,
  yearOverYearTrend,
  type AnonymousSurveyResponse,
} from '../../../bot/src/features/survey/domain/survey-results.js';
import { answersWithSum, responsesWithSums } from '../../support/survey-answers.js';

const annualRound = (fiscalYear = 2026) => ({ id: `fy${fiscalYear}-annual`, kind: 'annual' as const, fiscalYear, questionIds: [...ANNUAL_QUESTION_IDS] });
const pulseOn = (questionId: string) => ({ id: 'pulse', kind: 'pulse' as const, fiscalYear: 2026, questionIds: [questionId] });

/** The policy's table (第2章 3. 評価指標), as printed. */
const POLICY_BASELINES: Record<string, number> = {
  '01': 3.043,
  '03': 2.848,
  '04': 3.016,
  '05': 3.022,
  '06': 2.953,
  '07': 3.042,
  '08': 2.994,
  '08-security': 3.683,
};

const resultFor = (questionId: string, n: number, sum: number) => {
  const responses = responsesWithSums(n, { [questionId]: sum });
  const question = aggregateSurveyRound(pulseOn(questionId), responses, n).questions[0]!;
  return question;
};

describe('survey results: the policy’s table and benchmark rule', () => {
  it('when 1,000 answers per question reproduce the 2024 means, then the results report the policy’s baselines, targets and next benchmarks', () => {
    const sums = Object.fromEntries(Object.entries(POLICY_BASELINES).map(([id, mean]) => [id, Math.round(mean * 1000)]));
    const responses = responsesWithSums(1000, sums, { department: (index) => `d${index % 6}`, jobLevel: (index) => JOB_LEVELS[index % 3] });
    // The generated answers really are spread over the scale, not one value repeated.
    expect(new Set(responses.map((response) => response.answers['01'])).size).toBe(5);

    const results = aggregateSurveyRound(annualRound(), responses, 2000);

    expect(results.questions.map((question) => [question.questionId, question.n, question.mean])).toEqual(
      Object.entries(POLICY_BASELINES).map(([id, mean]) => [id, 1000, mean]),
    );
    expect(results.questions.map((question) => question.baseline)).toEqual(Object.values(POLICY_BASELINES));
    expect(results.questions.map((question) => question.targetLabel.ja)).toEqual(['3.5', '3.5', '3.5', '3.5', '3.5', '3.5', '3.5', '基準値以上']);
    expect(results.questions.map((question) => question.nextBenchmarkLabel?.ja)).toEqual([
      '3.5',
      '3.5',
      '3.5',
      '3.5',
      '3.5',
      '3.5',
      '3.5',
      '今年度の数字以上（3.683）',
    ]);
    // Every question is below 3.5; the security question meets its "baseline or more" target exactly.
    expect(results.questions.map((question) => question.achieved)).toEqual([false, false, false, false, false, false, false, true]);
    const distribution = results.questions[0]!.distribution!;
    expect(Object.values(distribution).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(1 * distribution[1] + 2 * distribution[2] + 3 * distribution[3] + 4 * distribution[4] + 5 * distribution[5]).toBe(3043);
    expect(results.hrMeasured.outcomeId).toBe('02');
    expect(results.hrMeasured.text.ja).toBe('左記直接アウトカムについては、人事課実施アンケートにより評価する。');
    expect(results.questions.some((question) => question.outcomeId === '02')).toBe(false);
  });

  it('when the mean is just under, at, or over 2.5, then next year’s benchmark is 3 below the printed 2.500 and 3.5 from it', () => {
    // 10,000 answers give means with 4 decimals; the decision is made on the 3-decimal figure the policy prints.
    expect(resultFor('03', 10_000, 24_994)).toMatchObject({ mean: 2.499, nextBenchmarkLabel: { ja: '3' }, nextBenchmark: { kind: 'value', value: 3 } });
    expect(resultFor('03', 10_000, 24_999)).toMatchObject({ mean: 2.5, nextBenchmarkLabel: { ja: '3.5' } });
    expect(resultFor('03', 10_000, 25_000)).toMatchObject({ mean: 2.5, nextBenchmarkLabel: { ja: '3.5' } });
    expect(resultFor('03', 10_000, 24_995)).toMatchObject({ mean: 2.5, nextBenchmarkLabel: { ja: '3.5' } });
    expect(resultFor('03', 10_000, 20_000)).toMatchObject({ mean: 2, nextBenchmarkLabel: { ja: '3' } });
  });

  it('when the mean is just under, at, or over 3.5, then the target is met from the printed 3.500 and the benchmark becomes this year’s figure', () => {
    expect(resultFor('01', 10_000, 34_994)).toMatchObject({ mean: 3.499, achieved: false, nextBenchmarkLabel: { ja: '3.5' } });
    expect(resultFor('01', 10_000, 34_999)).toMatchObject({
      mean: 3.5,
      achieved: true,
      nextBenchmark: { kind: 'at-least', value: 3.5 },
      nextBenchmarkLabel: { ja: '今年度の数字以上（3.500）', en: 'This year’s figure or more (3.500)' },
    });
    expect(resultFor('01', 10_000, 35_000)).toMatchObject({ mean: 3.5, achieved: true });
    expect(resultFor('01', 10_000, 41_234)).toMatchObject({ mean: 4.123, nextBenchmarkLabel: { ja: '今年度の数字以上（4.123）' } });
  });

  it('when the security question falls one thousandth below its baseline, then its target is not met', () => {
    expect(resultFor('08-security', 1000, 3682)).toMatchObject({ mean: 3.682, achieved: false, targetLabel: { ja: '基準値以上' } });
    expect(resultFor('08-security', 1000, 3683)).toMatchObject({ mean: 3.683, achieved: true });
  });
});

describe('survey results: response rate, suppression, trend and CSV', () => {
  it('when 862 of 2,000 employees answer, then the rate is 43.1% with the 2024 survey as reference', () => {
    const responses = responsesWithSums(862, { '01': 862 * 3 });
    const results = aggregateSurveyRound(pulseOn('01'), responses, 2000);
    expect(results.responseRate).toEqual({ respondents: 862, audienceSize: 2000, rate: 0.431, reference: { conductedIn: '2024-05', responses: 2251, responseRate: 0.431 } });
    expect(aggregateSurveyRound(pulseOn('01'), [], 0).responseRate.rate).toBeUndefined();
  });

  it('when fewer than 5 people answered in all, then no mean or distribution is shown', () => {
    const results = aggregateSurveyRound(pulseOn('01'), responsesWithSums(4, { '01': 12 }), 10);
    expect(results.questions[0]).toMatchObject({ n: 4, mean: undefined, distribution: undefined, achieved: undefined, nextBenchmark: undefined, suppressed: true });
  });

  it('when one department has fewer than 5 respondents, then it and the next smallest department are hidden so subtraction cannot reveal it', () => {
    const sizes = { big: 40, middle: 12, small: 7, tiny: 3 };
    const responses: AnonymousSurveyResponse[] = Object.entries(sizes).flatMap(([department, size]) =>
      answersWithSum(size, size * 3, size).map((value) => ({ answers: { '01': value }, departmentId: department, jobLevel: 'general' as const, submittedOn: '2026-06-01' })),
    );
    const { byDepartment } = aggregateSurveyRound(pulseOn('01'), responses, 100);
    // Hidden groups are not listed at all: only that some are hidden is said.
    expect(byDepartment.groups.map((group) => [group.groupId, group.respondents])).toEqual([['big', 40], ['middle', 12]]);
    expect(byDepartment.someHidden).toBe(true);
    expect(byDepartment.groups[0]!.means['01']).toBe(3);
  });

  it('when two departments are each under 5 but together still under 5, then more departments are hidden until the hidden ones hold 5', () => {
    const responses: AnonymousSurveyResponse[] = Object.entries({ a: 30, b: 9, c: 2, d: 2 }).flatMap(([department, size]) =>
      Array.from({ length: size }, () => ({ answers: { '01': 4 }, departmentId: department, jobLevel: undefined, submittedOn: '2026-06-01' })),
    );
    const { byDepartment, byJobLevel } = aggregateSurveyRound(pulseOn('01'), responses, 100);
    expect(byDepartment.groups.map((group) => group.groupId)).toEqual(['a']);
    // Nobody has a job level registered: one group, shown as 未登録.
    expect(byJobLevel.groups).toEqual([{ groupId: undefined, respondents: 43, means: { '01': 4 } }]);
  });

  it('when every group has 5 or more respondents, then nothing is hidden', () => {
    const responses = responsesWithSums(30, { '01': 90 }, { jobLevel: (index) => JOB_LEVELS[index % 3] });
    const { byJobLevel } = aggregateSurveyRound(pulseOn('01'), responses, 30);
    expect(byJobLevel.groups.map((group) => [group.groupId, group.respondents])).toEqual([
      ['chief', 10],
      ['general', 10],
      ['manager', 10],
    ]);
    expect(byJobLevel.someHidden).toBe(false);
  });

  it('when annual rounds of several years exist, then each question’s trend starts at the 2024 baseline and shows the change', () => {
    const year = (fiscalYear: number, sum01: number) =>
      aggregateSurveyRound(annualRound(fiscalYear), responsesWithSums(1000, Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, id === '01' ? sum01 : 3000]))), 2000);
    const pulse = { ...aggregateSurveyRound(pulseOn('01'), responsesWithSums(100, { '01': 500 }), 100), fiscalYear: 2026 };
    const trend = yearOverYearTrend([year(2026, 3300), year(2025, 3100), pulse]);
    const efficiency = trend.find((question) => question.questionId === '01')!;
    expect(efficiency.points).toEqual([
      { fiscalYear: 2024, roundId: undefined, mean: 3.043, n: undefined, change: undefined },
      { fiscalYear: 2025, roundId: 'fy2025-annual', mean: 3.1, n: 1000, change: 0.057 },
      { fiscalYear: 2026, roundId: 'fy2026-annual', mean: 3.3, n: 1000, change: 0.2 },
    ]);
    expect(trend.map((question) => question.questionId)).toEqual(SURVEY_INDICATORS.map((indicator) => indicator.id));
  });

  it('when the results are exported, then the CSV holds aggregates only, with a BOM, CRLF and RFC 4180 quoting', () => {
    const departmentOf = (index: number) => (index < 10 ? 'd,"1"' : index < 18 ? 'formula' : index < 23 ? 'other' : 'small');
    const responses = responsesWithSums(25, { '01': 75 }, { department: departmentOf });
    const results = aggregateSurveyRound(pulseOn('01'), responses, 40);
    const names: Record<string, string> = { 'd,"1"': '企画部 d,"1"', formula: '=HYPERLINK("x")', other: '総務部', small: '秘書課' };
    const csv = surveyResultsCsv(results, { locale: 'ja', departmentName: (id) => names[id] ?? id });

    expect(csv.startsWith('\uFEFF区分,グループ,設問ID,成果指標,回答数,平均,回答1,回答2,回答3,回答4,回答5,基準値,目標値,達成,次年度ベンチマーク,対象者数,回答率,備考\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('全体,全体,01,業務の効率化が進んでいると感じる職員の割合,25,3.000,5,5,5,5,5,3.043,3.5,未達成,3.5,,,');
    // A name with a comma and quotes is quoted with its quotes doubled; a formula-like name is defused.
    expect(lines).toContain('所属,"企画部 d,""1""",01,業務の効率化が進んでいると感じる職員の割合,10,3.000,,,,,,,,,,,,');
    expect(lines).toContain(`所属,"'=HYPERLINK(""x"")",01,業務の効率化が進んでいると感じる職員の割合,8,3.000,,,,,,,,,,,,`);
    // The group of 2 is hidden, and so is the next smallest; neither is named, one line says groups are hidden.
    expect(csv).not.toContain('総務部');
    expect(csv).not.toContain('秘書課');
    expect(lines).toContain('所属,,,,,,,,,,,,,,,,,5名未満のグループと、差し引きでそれがわかってしまうグループは非表示');
    expect(lines).toContain('回答率,全体,,,25,,,,,,,,,,,40,62.5%,"参考: 2024年 2,251名 43.1%"');
    expect(lines.at(-1)).toBe('人事課アンケート,,02,,,,,,,,,,,,,,,左記直接アウトカムについては、人事課実施アンケートにより評価する。');
    // Aggregates only: as many rows as questions × shown groups, the hidden note, the rate and HR rows.
    expect(lines).toHaveLength(1 + 1 + 2 + 1 + 1 + 1 + 1);
  });
});
