import { describe, expect, it } from 'vitest';
import { awardNomination, reviewNomination, validateNomination, type Nomination } from '../../../bot/src/features/programme/domain/award-nominations.js';
import { evaluateLogicModel, type ProgrammeRecords } from '../../../bot/src/features/programme/domain/logic-model.js';
import { fiscalYearBounds } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';

const input = { title: '申請の電子化', departmentId: 'd1', whatChanged: '紙をやめた', effect: '年間500時間削減' };
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.userMessage.ja : String(error);
  }
  return undefined;
};
const nomination = (state: Nomination['state']): Nomination => ({ ...input, link: undefined, id: 'n1', nominatorId: 'e1', state, submittedAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z' });

describe('評価・表彰 rules', () => {
  it('when a title is 80 characters it is kept, at 81 or only invisible characters it is refused', () => {
    expect(validateNomination({ ...input, title: 'あ'.repeat(80) }, true).title).toHaveLength(80);
    expect(refusal(() => validateNomination({ ...input, title: 'あ'.repeat(81) }, true))).toContain('80文字以内');
    expect(refusal(() => validateNomination({ ...input, title: '\u200b\u200b' }, true))).toContain('取組名を入力してください');
  });

  it('when the link is https with a host it is kept; https without a host, data: or mailto: are refused', () => {
    expect(validateNomination({ ...input, link: ' https://example.jp/a ' }, true).link).toBe('https://example.jp/a');
    for (const link of ['https://', 'data:text/html,x', 'mailto:a@b.jp']) expect(refusal(() => validateNomination({ ...input, link }, true))).toContain('https://');
  });

  it('when asking for more without a note, or reviewing an awarded nomination, then it is refused', () => {
    expect(refusal(() => reviewNomination(nomination('submitted'), { decision: 'ask-for-more', note: '  ', reviewerId: 'a', now: new Date() }))).toContain('コメント');
    expect(refusal(() => reviewNomination(nomination('awarded'), { decision: 'decline', note: 'x', reviewerId: 'a', now: new Date() }))).toContain('表彰済み');
  });

  it('when the award year is the first of the policy it is accepted; after the policy or before this year begins it is refused', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(awardNomination(nomination('accepted'), { fiscalYear: 2025, category: 'grand', adminId: 'a', now }).award?.fiscalYear).toBe(2025);
    expect(refusal(() => awardNomination(nomination('accepted'), { fiscalYear: 2027, category: 'grand', adminId: 'a', now }))).toContain('表彰できる年度ではありません');
    expect(refusal(() => awardNomination(nomination('accepted'), { fiscalYear: 2030, category: 'grand', adminId: 'a', now: new Date('2031-06-01T00:00:00Z') }))).toContain('2025年度~2029年度');
  });
});

/** 2026年度's records with nothing in them, seen on 2026-12-01: each test fills in what it is about. */
const fiscal2026Records = (filled: Partial<ProgrammeRecords>): ProgrammeRecords => ({
  fiscalYear: 2026,
  bounds: fiscalYearBounds(2026),
  now: new Date('2026-12-01T00:00:00Z'),
  courses: [],
  sessions: [],
  newsPublishedAt: [],
  employees: [],
  nominations: [],
  surveyMeans: new Map(),
  hrFigure: undefined,
  consultations: { requests: 0, satisfaction: { distribution: [0, 0, 0, 0, 0], rated: 0, mean: undefined }, faq: { shown: 0, resolved: 0, selfServicePercent: undefined } },
  examPasses: [],
  exams: [],
  newsBroadcasts: [],
  newsConfirmations: [],
  ...filled,
});

describe('logic model: indicators and the benchmark rule at its boundaries', () => {
  const records = (means: Record<string, number | undefined>): ProgrammeRecords =>
    fiscal2026Records({
      surveyMeans: new Map([[2026, new Map(Object.entries(means).map(([id, mean]) => [id, { mean, n: mean === undefined ? undefined : 100 }]))], [2025, new Map([['01', { mean: 3.1, n: 90 }]])]]),
    });
  const indicator = (result: ReturnType<typeof evaluateLogicModel>, questionId: string) => result.flatMap((outcome) => outcome.indicators).find((entry) => entry.questionId === questionId)!;

  it('when a mean is exactly 2.5, then the benchmark stays 3.5; exactly 3.5 is achieved and becomes "at least 3.5"; 2.499 becomes 3', () => {
    const result = evaluateLogicModel(records({ '01': 3.5, '03': 2.5, '04': 2.499 }));
    expect(indicator(result, '01')).toMatchObject({ achieved: true, nextBenchmark: { kind: 'at-least', value: 3.5 }, previousMean: 3.1 });
    expect(indicator(result, '03')).toMatchObject({ achieved: false, nextBenchmark: { kind: 'value', value: 3.5 } });
    expect(indicator(result, '04')).toMatchObject({ achieved: false, nextBenchmark: { kind: 'value', value: 3 } });
  });

  it('when the security mean equals its baseline it is achieved; a hidden mean has no verdict and no benchmark', () => {
    const result = evaluateLogicModel(records({ '08-security': 3.683, '05': undefined }));
    expect(indicator(result, '08-security')).toMatchObject({ achieved: true });
    expect(indicator(result, '05')).not.toHaveProperty('achieved', expect.anything());
    expect(indicator(result, '05').nextBenchmark).toBeUndefined();
  });
});

describe('logic model: exam passes and news reach and confirmations for the fiscal year', () => {
  const staff = (id: string) => ({ id, displayName: id, email: undefined, departmentId: 'd', jobLevel: 'general' as const, roles: ['employee' as const], locale: 'ja-JP', tenantId: 't', installedAt: undefined });
  const result = evaluateLogicModel(fiscal2026Records({
    employees: [staff('a'), staff('b')],
    // 4/1 is the first day of 2026年度, 3/31 the last of 2025年度; 'left' is no longer staff.
    examPasses: [
      { employeeId: 'a', examId: 'ip', passedOn: '2026-04-01' },
      { employeeId: 'b', examId: 'ip', passedOn: '2026-03-31' },
      { employeeId: 'b', examId: 'fe', passedOn: '2026-10-10' },
      { employeeId: 'left', examId: 'ip', passedOn: '2026-05-01' },
      { employeeId: 'a', examId: 'sg', passedOn: '2027-04-01' },
    ],
    exams: [{ id: 'ip', name: { ja: 'ITパスポート', en: 'IT Passport' } }],
    newsBroadcasts: [
      { kind: 'news', createdAt: '2026-05-01T00:00:00Z', delivered: 120 },
      { kind: 'weekly-digest', createdAt: '2026-06-01T00:00:00Z', delivered: 80 },
      { kind: 'news', createdAt: '2026-03-31T14:00:00Z', delivered: 500 },
      { kind: 'survey-invitation', createdAt: '2026-06-01T00:00:00Z', delivered: 1000 },
      { kind: 'news', createdAt: '2026-07-01T00:00:00Z', delivered: undefined },
    ],
    newsConfirmations: [
      { newsId: 'n1', title: '規程改正', publishedAt: '2026-05-01T00:00:00Z', asked: 100, confirmed: 60 },
      { newsId: 'n2', title: '前年度', publishedAt: '2026-03-01T00:00:00Z', asked: 50, confirmed: 50 },
      { newsId: 'n3', title: 'パスワード', publishedAt: '2026-09-01T00:00:00Z', asked: 100, confirmed: 25 },
    ],
  }));
  const output = (outcomeId: string, key: string) => result.find((outcome) => outcome.outcomeId === outcomeId)!.outputs.find((figure) => figure.key === key)!;

  it('when passes fall on both sides of 4月1日, then 03 counts the year\'s passes per exam and 02 the current staff with a pass by year end', () => {
    expect(output('03', 'exam-passes')).toMatchObject({ value: 3, breakdown: [{ id: 'ip', label: { ja: 'ITパスポート', en: 'IT Passport' }, value: 2 }, { id: 'fe', label: { ja: 'fe', en: 'fe' }, value: 1 }] });
    expect(output('02', 'staff-with-exam-pass').value).toBe(2);
  });

  it('when news went out in and before the year, then 05 counts the cards that reached staff this year (news and digests, finished sends) and the confirmations of this year\'s items', () => {
    expect(output('05', 'news-reach').value).toBe(200);
    expect(output('05', 'news-confirmations')).toMatchObject({ value: 85, breakdown: [expect.objectContaining({ id: 'n1', value: 60 }), expect.objectContaining({ id: 'n3', value: 25 })] });
    expect(output('05', 'news-confirmation-rate').value).toBe(42.5);
  });
});
