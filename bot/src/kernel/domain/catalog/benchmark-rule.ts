import type { SurveyIndicator } from './survey-indicators.js';

/**
 * 目標値の更新ルール (第2章 3.):
 * 「目標値については、各設問について「3.5」をベンチマークとします。ただし、年度毎に実施するアンケートにおいて、
 *  2.5未満の場合はベンチマークを「3」、3.5以上の場合はベンチマークを「今年度の数字以上」と更新することとします。」
 */
export const DEFAULT_BENCHMARK = 3.5;
export const LOW_RESULT_THRESHOLD = 2.5;
export const LOW_RESULT_BENCHMARK = 3;

export type Benchmark = { kind: 'value'; value: number } | { kind: 'at-least'; value: number };

/** Next year's benchmark from this year's mean. */
export function nextBenchmark(currentMean: number): Benchmark {
  if (!Number.isFinite(currentMean) || currentMean < 1 || currentMean > 5) {
    throw new RangeError(`a survey mean lies between 1 and 5, got ${currentMean}`);
  }
  if (currentMean < LOW_RESULT_THRESHOLD) return { kind: 'value', value: LOW_RESULT_BENCHMARK };
  if (currentMean >= DEFAULT_BENCHMARK) return { kind: 'at-least', value: currentMean };
  return { kind: 'value', value: DEFAULT_BENCHMARK };
}

/** Whether a mean meets the indicator's target (the security question's target is "baseline or above"). */
export function isTargetAchieved(mean: number, indicator: Pick<SurveyIndicator, 'baseline' | 'target'>): boolean {
  return indicator.target.kind === 'value' ? mean >= indicator.target.value : mean >= indicator.baseline;
}
