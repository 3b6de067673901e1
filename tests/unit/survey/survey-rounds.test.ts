import { describe, expect, it } from 'vitest';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import {
  ANNUAL_QUESTION_IDS,
  checkSubmission,
  createSurveyRound,
  dueReminderSlot,
  fiscalYearBounds,
  fiscalYearOf,
  isInAudience,
  isOpen,
  reminderTimes,
  startSurveyRound,
  type NewSurveyRound,
  type SurveyRound,
} from '../../../bot/src/features/survey/domain/survey-rounds.js';

const NOW = new Date('2026-05-01T00:00:00+09:00');

const annualInput = (overrides: Partial<NewSurveyRound> = {}): NewSurveyRound => ({
  id: 'fy2026-annual',
  kind: 'annual',
  fiscalYear: 2026,
  opensAt: '2026-06-01T09:00:00+09:00',
  closesAt: '2026-06-30T17:00:00+09:00',
  audience: { kind: 'everyone' },
  reminderDaysBeforeClose: [3],
  createdBy: 'admin-1',
  ...overrides,
});

/** What the refusal would say to the user, or undefined when nothing was refused. */
function refusal(action: () => unknown): { code: string; ja: string; en: string } | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...error.userMessage };
  }
}

const startedAnnual = (): SurveyRound => startSurveyRound(createSurveyRound(annualInput(), [], NOW), NOW);
const fullAnswers = (value: unknown = '4') => Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, value]));
const DURING = new Date('2026-06-15T12:00:00+09:00');

describe('survey rounds: fiscal years in Japan time', () => {
  it('when it is 2026-03-31 23:59 JST, then it is still FY2025; at 2026-04-01 00:00 JST it is FY2026', () => {
    expect(fiscalYearOf(new Date('2026-03-31T23:59:59.999+09:00'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-04-01T00:00:00+09:00'))).toBe(2026);
    // The same instants in UTC are 14:59 and 15:00 on 31 March: UTC dates would put both in March.
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-03-31T14:59:59Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-12-31T23:00:00+09:00'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-01-01T00:00:00+09:00'))).toBe(2026);
  });

  it('when FY2026’s bounds are asked, then they run from 1 April 2026 00:00 JST to 1 April 2027 00:00 JST', () => {
    expect(fiscalYearBounds(2026)).toEqual({ start: new Date('2026-04-01T00:00:00+09:00'), end: new Date('2027-04-01T00:00:00+09:00') });
  });

  it('when a round would close after 31 March, then it is refused as outside its fiscal year', () => {
    expect(refusal(() => createSurveyRound(annualInput({ closesAt: '2027-04-01T00:00:01+09:00' }), [], NOW))?.ja).toContain('2026年度（2026年4月1日〜2027年3月31日）の中');
    expect(refusal(() => createSurveyRound(annualInput({ closesAt: '2027-04-01T00:00:00+09:00' }), [], NOW))).toBeUndefined();
    expect(refusal(() => createSurveyRound(annualInput({ opensAt: '2026-03-31T23:59:00+09:00' }), [], NOW))?.code).toBe('invalid-input');
  });
});

describe('survey rounds: creating and starting', () => {
  it('when an admin creates an annual round, then it asks every indicator question as a draft', () => {
    const round = createSurveyRound(annualInput({ reminderDaysBeforeClose: [1, 3, 3] }), [], NOW);
    expect(round).toMatchObject({ kind: 'annual', fiscalYear: 2026, status: 'draft', reminderDaysBeforeClose: [3, 1], opensAt: '2026-06-01T00:00:00.000Z' });
    expect(round.questionIds).toEqual(['01', '03', '04', '05', '06', '07', '08', '08-security']);
    expect(reminderTimes(round)).toEqual([new Date('2026-06-27T17:00:00+09:00'), new Date('2026-06-29T17:00:00+09:00')]);
    expect(isOpen(round, DURING)).toBe(false);
    expect(isOpen(startSurveyRound(round, NOW), DURING)).toBe(true);
  });

  it('when a second annual round overlaps the first in the same fiscal year, then it is refused with the reason in ja and en', () => {
    const first = createSurveyRound(annualInput(), [], NOW);
    const reason = refusal(() => createSurveyRound(annualInput({ id: 'fy2026-annual-2', opensAt: '2026-06-20T09:00:00+09:00', closesAt: '2026-07-10T17:00:00+09:00' }), [first], NOW));
    expect(reason).toEqual({
      code: 'invalid-input',
      ja: '2026年度の年次アンケート（fy2026-annual、2026/06/01 09:00〜2026/06/30 17:00）がすでにあります。期間も重なっています。年次アンケートは年度に1回です。既存のものを中止するか、パルス調査として作成してください。',
      en: 'Fiscal year 2026 already has an annual survey (fy2026-annual, 2026/06/01 09:00 to 2026/06/30 17:00 JST) and the dates overlap. There is one annual survey per fiscal year: cancel the existing one or create a pulse instead.',
    });
  });

  it('when the other annual round is cancelled, from another fiscal year, or a pulse overlaps it, then creation is allowed', () => {
    const first = createSurveyRound(annualInput(), [], NOW);
    const second = annualInput({ id: 'fy2026-annual-2' });
    expect(refusal(() => createSurveyRound(second, [{ ...first, status: 'cancelled' }], NOW))).toBeUndefined();
    expect(refusal(() => createSurveyRound(second, [{ ...first, fiscalYear: 2025 }], NOW))).toBeUndefined();
    const pulse = createSurveyRound({ ...second, id: 'fy2026-pulse-q1', kind: 'pulse', questionIds: ['08-security', '01'] }, [first], NOW);
    expect(pulse.questionIds).toEqual(['01', '08-security']);
  });

  it('when the dates, pulse questions, audience or reminders are wrong, then creation is refused with a clear reason', () => {
    expect(refusal(() => createSurveyRound(annualInput({ closesAt: '2026-06-01T09:00:00+09:00' }), [], NOW))?.ja).toBe('締切は開始より後の日時にしてください。');
    expect(refusal(() => createSurveyRound(annualInput({ closesAt: 'next tuesday' }), [], NOW))?.en).toBe('The date and time are not valid.');
    expect(refusal(() => createSurveyRound(annualInput(), [], new Date('2026-07-01T00:00:00+09:00')))?.ja).toBe('締切がすでに過ぎています。');
    expect(refusal(() => createSurveyRound(annualInput({ kind: 'pulse', questionIds: [] }), [], NOW))?.ja).toBe('パルス調査の設問を1つ以上選んでください。');
    expect(refusal(() => createSurveyRound(annualInput({ kind: 'pulse', questionIds: ['01', '02'] }), [], NOW))?.ja).toBe('方針の評価指標にない設問です: 02');
    expect(refusal(() => createSurveyRound(annualInput({ audience: { kind: 'departments', departmentIds: [] } }), [], NOW))?.ja).toBe('対象の所属を1つ以上選んでください。');
    expect(refusal(() => createSurveyRound(annualInput({ reminderDaysBeforeClose: [0] }), [], NOW))?.code).toBe('invalid-input');
    expect(refusal(() => createSurveyRound(annualInput({ id: 'Bad/Id' }), [], NOW))?.code).toBe('invalid-input');
    expect(refusal(() => startSurveyRound(startedAnnual(), NOW))?.ja).toBe('このアンケートはすでに開始または中止されています。');
  });

  it('when the audience is departments or job levels, then only those employees are asked', () => {
    const byDepartment = { audience: { kind: 'departments' as const, departmentIds: ['d1'] } };
    const byLevel = { audience: { kind: 'job-levels' as const, jobLevels: ['manager' as const] } };
    expect(isInAudience(byDepartment, { departmentId: 'd1', jobLevel: undefined })).toBe(true);
    expect(isInAudience(byDepartment, { departmentId: 'd2', jobLevel: 'manager' })).toBe(false);
    expect(isInAudience(byLevel, { departmentId: 'd2', jobLevel: 'manager' })).toBe(true);
    expect(isInAudience(byLevel, { departmentId: undefined, jobLevel: undefined })).toBe(false);
  });
});

describe('survey rounds: checking a submission', () => {
  it('when every question has an answer 1–5 while the round is open, then the answers come back as numbers', () => {
    const answers = checkSubmission(startedAnnual(), { ...fullAnswers('4'), '01': 5, '03': '1' }, DURING);
    expect(answers).toEqual({ ...Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, 4])), '01': 5, '03': 1 });
  });

  it('when the round is unknown, not yet open, closed or cancelled, then the submission is refused', () => {
    const round = startedAnnual();
    expect(refusal(() => checkSubmission(undefined, fullAnswers(), DURING))?.ja).toBe('このアンケートは見つかりません。');
    expect(refusal(() => checkSubmission(round, fullAnswers(), new Date('2026-06-01T08:59:59+09:00')))?.ja).toBe('このアンケートはまだ始まっていません（開始: 2026/06/01 09:00）。');
    expect(refusal(() => checkSubmission(round, fullAnswers(), new Date('2026-06-01T09:00:00+09:00')))).toBeUndefined();
    expect(refusal(() => checkSubmission(round, fullAnswers(), new Date('2026-06-30T16:59:59+09:00')))).toBeUndefined();
    expect(refusal(() => checkSubmission(round, fullAnswers(), new Date('2026-06-30T17:00:00+09:00')))).toEqual({
      code: 'invalid-input',
      ja: 'このアンケートは2026/06/30 17:00に締め切られました。',
      en: 'This survey closed on 2026/06/30 17:00 JST.',
    });
    expect(refusal(() => checkSubmission({ ...round, status: 'draft' }, fullAnswers(), DURING))?.code).toBe('invalid-input');
    expect(refusal(() => checkSubmission({ ...round, status: 'cancelled' }, fullAnswers(), DURING))?.ja).toBe('このアンケートは中止されました。');
  });

  it('when a value is outside 1–5 or not an integer, then the submission is refused naming the question', () => {
    const round = startedAnnual();
    for (const bad of [0, 6, 2.5, '2.5', '6', '0', 'five', '５', -1, Number.NaN, true, [3], { value: 3 }]) {
      const reason = refusal(() => checkSubmission(round, { ...fullAnswers(), '04': bad }, DURING));
      expect(reason, String(bad)).toEqual({ code: 'invalid-input', ja: 'Q3の回答は1〜5から選んでください。', en: 'Choose 1 to 5 for Q3.' });
    }
  });

  it('when an answer is missing or a question id is forged, then the submission is refused', () => {
    const round = startedAnnual();
    const { '05': _skipped, '08-security': _alsoSkipped, ...partial } = fullAnswers();
    expect(refusal(() => checkSubmission(round, partial, DURING))).toEqual({
      code: 'invalid-input',
      ja: 'すべての設問に回答してください（未回答: Q4、Q8）。',
      en: 'Please answer every question (missing: Q4, Q8).',
    });
    expect(refusal(() => checkSubmission(round, { ...fullAnswers(), '06': '' }, DURING))?.ja).toContain('未回答: Q5');
    expect(refusal(() => checkSubmission(round, { ...fullAnswers(), '02': '5' }, DURING))?.ja).toBe('このアンケートにない設問への回答が含まれています。');
    const pulse = startSurveyRound(createSurveyRound({ ...annualInput(), id: 'pulse', kind: 'pulse', questionIds: ['01'] }, [], NOW), NOW);
    expect(refusal(() => checkSubmission(pulse, fullAnswers(), DURING))?.code).toBe('invalid-input');
    expect(checkSubmission(pulse, { '01': '2' }, DURING)).toEqual({ '01': 2 });
  });
});

describe('survey rounds: when reminders are due', () => {
  const started = { ...createSurveyRound(annualInput({ reminderDaysBeforeClose: [7, 3] }), [], NOW), status: 'started' as const };
  const at = (iso: string) => new Date(iso);

  it('when no reminder time has passed, then none is due; at the 3-days-before instant, that slot is due', () => {
    expect(dueReminderSlot(started, at('2026-06-23T16:59:59+09:00'))).toBeUndefined();
    expect(dueReminderSlot(started, at('2026-06-23T17:00:00+09:00'))).toEqual(at('2026-06-23T17:00:00+09:00'));
    expect(dueReminderSlot(started, at('2026-06-27T17:00:00+09:00'))).toEqual(at('2026-06-27T17:00:00+09:00'));
  });

  it('when a slot was sent, then it is not due again; when slots were missed, then only the latest is due, once', () => {
    const sentFirst = { ...started, remindersSent: ['2026-06-23T08:00:00.000Z'] };
    expect(dueReminderSlot(sentFirst, at('2026-06-25T00:00:00+09:00'))).toBeUndefined();
    expect(dueReminderSlot(started, at('2026-06-28T00:00:00+09:00'))).toEqual(at('2026-06-27T17:00:00+09:00'));
    expect(dueReminderSlot({ ...started, remindersSent: ['2026-06-27T08:00:00.000Z'] }, at('2026-06-28T00:00:00+09:00'))).toBeUndefined();
  });

  it('when the round is a draft or has closed, then no reminder is due', () => {
    expect(dueReminderSlot({ ...started, status: 'draft' }, at('2026-06-28T00:00:00+09:00'))).toBeUndefined();
    expect(dueReminderSlot(started, at('2026-06-30T17:00:00+09:00'))).toBeUndefined();
  });
});
