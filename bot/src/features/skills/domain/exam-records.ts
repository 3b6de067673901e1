import { AppError } from '../../../kernel/domain/errors.js';
import { jstDate } from '../../../kernel/domain/jst.js';

export interface ExamPass {
  examId: string;
  /** YYYY-MM-DD, the date on the certificate. */
  passedOn: string;
}

/** A pass is recorded only for an exam in the catalog, on a real date that is not in the future (JST). */
export function checkExamPass(pass: ExamPass, knownExamIds: readonly string[], now: Date): void {
  if (!knownExamIds.includes(pass.examId)) {
    throw new AppError('invalid-input', { detail: `unknown exam ${pass.examId}`, userMessage: { ja: '登録されていない試験です。', en: 'Unknown exam.' } });
  }
  const todayJst = jstDate(now);
  // A real calendar date survives a round trip through Date (2026-02-30 does not).
  const roundTrip = /^\d{4}-\d{2}-\d{2}$/.test(pass.passedOn) ? new Date(`${pass.passedOn}T00:00:00Z`) : undefined;
  if (!roundTrip || Number.isNaN(roundTrip.getTime()) || roundTrip.toISOString().slice(0, 10) !== pass.passedOn) {
    throw new AppError('invalid-input', { detail: 'bad date', userMessage: { ja: '合格日が正しくありません。', en: 'The pass date is not valid.' } });
  }
  if (pass.passedOn > todayJst) {
    throw new AppError('invalid-input', { detail: 'future date', userMessage: { ja: '合格日に未来の日付は指定できません。', en: 'The pass date cannot be in the future.' } });
  }
}
