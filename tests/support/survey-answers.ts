import type { JobLevel } from '../../bot/src/kernel/domain/catalog/job-levels.js';
import type { AnonymousSurveyResponse } from '../../bot/src/features/survey/domain/survey-results.js';

/**
 * `n` integer answers on the 1–5 scale that add up to exactly `sum` (so their mean is sum / n), spread over the
 * whole scale rather than piled on one value: starts from the repeating 1,2,3,4,5 pattern and nudges answers up
 * or down one step at a time, walking through them in an order that depends on `seed`.
 */
export function answersWithSum(n: number, sum: number, seed = 1): number[] {
  if (sum < n || sum > 5 * n) throw new RangeError(`${n} answers cannot add up to ${sum}`);
  const answers = Array.from({ length: n }, (_, index) => ((index + seed) % 5) + 1);
  let total = answers.reduce((a, b) => a + b, 0);
  let cursor = seed * 7919;
  while (total !== sum) {
    const index = cursor % n;
    cursor += 104_729;
    const current = answers[index]!;
    if (total < sum && current < 5) {
      answers[index] = current + 1;
      total += 1;
    } else if (total > sum && current > 1) {
      answers[index] = current - 1;
      total -= 1;
    }
  }
  return answers;
}

/** Answer sheets whose per-question sums are given: respondent i answers column[i] to each question. */
export function responsesWithSums(
  n: number,
  sums: Record<string, number>,
  groups: { department?: (index: number) => string | undefined; jobLevel?: (index: number) => JobLevel | undefined } = {},
): AnonymousSurveyResponse[] {
  const columns = Object.entries(sums).map(([questionId, sum], column) => [questionId, answersWithSum(n, sum, column + 1)] as const);
  return Array.from({ length: n }, (_, index) => ({
    answers: Object.fromEntries(columns.map(([questionId, answers]) => [questionId, answers[index]!])),
    departmentId: groups.department?.(index),
    jobLevel: groups.jobLevel?.(index),
    submittedOn: '2026-06-01',
  }));
}
