import { isTargetAchieved, nextBenchmark, type Benchmark } from '../../../kernel/domain/catalog/benchmark-rule.js';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { LocalizedText, Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { HR_MEASURED_OUTCOME, REFERENCE_SURVEY_2024, SURVEY_INDICATORS, type IndicatorTarget, type SurveyIndicator } from '../../../kernel/domain/catalog/survey-indicators.js';
import type { SurveyAnswerValue, SurveyRound } from './survey-rounds.js';
import { toCsv } from '../../../kernel/domain/csv.js';
import { MIN_GROUP_SIZE, suppressGroups, type Dimension } from './survey-disclosure.js';

export { MIN_GROUP_SIZE } from './survey-disclosure.js';

/**
 * One stored answer sheet: no employee identity, only what the breakdowns need. The department is a 課 id, a
 * 部 group (`部:…`) or absent, whichever the audience was large enough for (reportableGroups).
 */
export interface AnonymousSurveyResponse {
  answers: Partial<Record<string, number>>;
  departmentId: string | undefined;
  jobLevel: JobLevel | undefined;
  /** The Japan-time day of the answer (2026-06-01): no finer time is kept. */
  submittedOn: string;
}

const SCALE: readonly SurveyAnswerValue[] = [1, 2, 3, 4, 5];

export type Distribution = Record<SurveyAnswerValue, number>;

export interface QuestionResult {
  questionId: string;
  outcomeId: string;
  /** 成果指標 */
  name: LocalizedText;
  question: LocalizedText;
  n: number;
  /**
   * The mean as the policy prints it: rounded half-up to 3 decimals. The target and benchmark decisions are
   * taken on this published figure, so the card never shows "2.500" next to a benchmark of 3.
   * Undefined when nobody answered or when fewer than MIN_GROUP_SIZE people did (suppressed).
   */
  mean: number | undefined;
  distribution: Distribution | undefined;
  baseline: number;
  target: IndicatorTarget;
  targetLabel: LocalizedText;
  achieved: boolean | undefined;
  nextBenchmark: Benchmark | undefined;
  nextBenchmarkLabel: LocalizedText | undefined;
  suppressed: boolean;
}

export interface ResponseRate {
  respondents: number;
  audienceSize: number;
  /** respondents / audienceSize, undefined for an empty audience. */
  rate: number | undefined;
  reference: typeof REFERENCE_SURVEY_2024;
}

/** A shown group: hidden groups are never listed, not even by id (that one exists is itself telling). */
export interface GroupResult {
  /** Department id (or `部:…`) or job level; undefined for respondents HR has not registered (未登録). */
  groupId: string | undefined;
  respondents: number;
  means: Record<string, number | undefined>;
}

export interface Breakdown {
  dimension: Dimension;
  groups: GroupResult[];
  /** Some groups are hidden (how many, and which, is not said). */
  someHidden: boolean;
  /** The whole breakdown is withheld: snapshots of a running round carry overall figures only. */
  withheld: boolean;
}

export interface SurveyRoundResults {
  roundId: string;
  kind: SurveyRound['kind'];
  fiscalYear: number;
  questions: QuestionResult[];
  responseRate: ResponseRate;
  byDepartment: Breakdown;
  byJobLevel: Breakdown;
  /** Outcome 02 is measured by HR's own survey and is shown as such, never as a question here. */
  hrMeasured: typeof HR_MEASURED_OUTCOME;
}

/** The mean of integer answers rounded half-up to 3 decimals, in integer arithmetic so x.xxx5 never drifts. */
export function publishedMean(sum: number, n: number): number {
  return Math.floor((2 * sum * 1000 + n) / (2 * n)) / 1000;
}

export const formatMean = (mean: number) => mean.toFixed(3);

export function targetLabel(target: IndicatorTarget): LocalizedText {
  return target.kind === 'value' ? { ja: String(target.value), en: String(target.value) } : { ja: '基準値以上', en: 'Baseline or more' };
}

/** "3.5", "3", or 「今年度の数字以上（3.612）」: the policy's own words for next year's benchmark. */
export function benchmarkLabel(benchmark: Benchmark): LocalizedText {
  return benchmark.kind === 'value'
    ? { ja: String(benchmark.value), en: String(benchmark.value) }
    : { ja: `今年度の数字以上（${formatMean(benchmark.value)}）`, en: `This year’s figure or more (${formatMean(benchmark.value)})` };
}

const isScaleValue = (value: unknown): value is SurveyAnswerValue => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

function tally(responses: readonly AnonymousSurveyResponse[], questionId: string): { n: number; sum: number; distribution: Distribution } {
  const distribution: Distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let n = 0;
  let sum = 0;
  for (const response of responses) {
    const value = response.answers[questionId];
    if (!isScaleValue(value)) continue;
    distribution[value] += 1;
    n += 1;
    sum += value;
  }
  return { n, sum, distribution };
}

function questionResult(indicator: SurveyIndicator, responses: readonly AnonymousSurveyResponse[], minGroupSize: number): QuestionResult {
  const { n, sum, distribution } = tally(responses, indicator.id);
  const suppressed = n > 0 && n < minGroupSize;
  const mean = n === 0 || suppressed ? undefined : publishedMean(sum, n);
  const benchmark = mean === undefined ? undefined : nextBenchmark(mean);
  return {
    questionId: indicator.id,
    outcomeId: indicator.outcomeId,
    name: indicator.name,
    question: indicator.question,
    n,
    mean,
    distribution: mean === undefined ? undefined : distribution,
    baseline: indicator.baseline,
    target: indicator.target,
    targetLabel: targetLabel(indicator.target),
    achieved: mean === undefined ? undefined : isTargetAchieved(mean, indicator),
    nextBenchmark: benchmark,
    nextBenchmarkLabel: benchmark && benchmarkLabel(benchmark),
    suppressed,
  };
}

/** Shown groups only, largest first, with their means; the rest are hidden by suppressGroups. */
function breakdown(
  dimension: Dimension,
  responses: readonly AnonymousSurveyResponse[],
  questionIds: readonly string[],
  groupOf: (response: AnonymousSurveyResponse) => string | undefined,
  shown: ReadonlySet<string | undefined>,
  someHidden: boolean,
): Breakdown {
  const members = new Map<string | undefined, AnonymousSurveyResponse[]>();
  for (const response of responses) {
    const key = groupOf(response);
    if (!shown.has(key)) continue;
    const list = members.get(key);
    if (list) list.push(response);
    else members.set(key, [response]);
  }
  const groups = [...members.entries()].map(([groupId, list]): GroupResult => {
    const means: Record<string, number | undefined> = {};
    for (const questionId of questionIds) {
      const { n, sum } = tally(list, questionId);
      means[questionId] = n === 0 ? undefined : publishedMean(sum, n);
    }
    return { groupId, respondents: list.length, means };
  });
  groups.sort((a, b) => b.respondents - a.respondents || String(a.groupId).localeCompare(String(b.groupId)));
  return { dimension, groups, someHidden, withheld: false };
}

const withheld = (dimension: Dimension): Breakdown => ({ dimension, groups: [], someHidden: false, withheld: true });

/**
 * The results of one round: per question n, published mean, distribution, baseline, target, whether it is met
 * and next year's benchmark (第2章 3.); the response rate against the audience with the 2024 survey as
 * reference; and breakdowns by department and job level with small groups suppressed (suppressGroups), or
 * withheld altogether (`breakdowns: false`, the snapshots of a running round).
 */
export function aggregateSurveyRound(
  round: Pick<SurveyRound, 'id' | 'kind' | 'fiscalYear' | 'questionIds'>,
  responses: readonly AnonymousSurveyResponse[],
  audienceSize: number,
  options: { minGroupSize?: number; breakdowns?: boolean } = {},
): SurveyRoundResults {
  const minGroupSize = options.minGroupSize ?? MIN_GROUP_SIZE;
  const suppression = options.breakdowns === false ? undefined : suppressGroups(responses, minGroupSize);
  const indicators = round.questionIds.map((id) => {
    const indicator = SURVEY_INDICATORS.find((candidate) => candidate.id === id);
    if (!indicator) throw new RangeError(`round ${round.id} asks unknown question ${id}`);
    return indicator;
  });
  return {
    roundId: round.id,
    kind: round.kind,
    fiscalYear: round.fiscalYear,
    questions: indicators.map((indicator) => questionResult(indicator, responses, minGroupSize)),
    responseRate: {
      respondents: responses.length,
      audienceSize,
      rate: audienceSize > 0 ? responses.length / audienceSize : undefined,
      reference: REFERENCE_SURVEY_2024,
    },
    byDepartment: suppression
      ? breakdown('department', responses, round.questionIds, (response) => response.departmentId, suppression.shown.department, suppression.someHidden.department)
      : withheld('department'),
    byJobLevel: suppression
      ? breakdown('job-level', responses, round.questionIds, (response) => response.jobLevel, suppression.shown['job-level'], suppression.someHidden['job-level'])
      : withheld('job-level'),
    hrMeasured: HR_MEASURED_OUTCOME,
  };
}

/** 43.1%: a rate as the policy prints it. */
export const formatRate = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export interface TrendPoint {
  fiscalYear: number;
  /** Undefined for the policy's 2024 baseline, which came from the survey before this app. */
  roundId: string | undefined;
  mean: number | undefined;
  n: number | undefined;
  /** Change from the previous point with a mean, to 3 decimals. */
  change: number | undefined;
}

export interface QuestionTrend {
  questionId: string;
  name: LocalizedText;
  points: TrendPoint[];
}

const BASELINE_FISCAL_YEAR = 2024;

/**
 * Year over year, per question, from annual rounds only (pulses are reported separately). The policy's 2024
 * baseline is the first point unless a FY2024 annual round exists.
 */
export function yearOverYearTrend(annualResults: readonly SurveyRoundResults[]): QuestionTrend[] {
  const annual = annualResults.filter((results) => results.kind === 'annual').sort((a, b) => a.fiscalYear - b.fiscalYear);
  return SURVEY_INDICATORS.map((indicator) => {
    const points: TrendPoint[] = [];
    if (!annual.some((results) => results.fiscalYear === BASELINE_FISCAL_YEAR)) {
      points.push({ fiscalYear: BASELINE_FISCAL_YEAR, roundId: undefined, mean: indicator.baseline, n: undefined, change: undefined });
    }
    for (const results of annual) {
      const question = results.questions.find((candidate) => candidate.questionId === indicator.id);
      if (!question) continue;
      points.push({ fiscalYear: results.fiscalYear, roundId: results.roundId, mean: question.mean, n: question.n, change: undefined });
    }
    let previous: number | undefined;
    for (const point of points) {
      if (point.mean === undefined) continue;
      if (previous !== undefined) point.change = Math.round((point.mean - previous) * 1000) / 1000;
      previous = point.mean;
    }
    return { questionId: indicator.id, name: indicator.name, points };
  });
}

const CSV_HEADERS: Record<Locale, string[]> = {
  ja: ['区分', 'グループ', '設問ID', '成果指標', '回答数', '平均', '回答1', '回答2', '回答3', '回答4', '回答5', '基準値', '目標値', '達成', '次年度ベンチマーク', '対象者数', '回答率', '備考'],
  en: ['section', 'group', 'question id', 'indicator', 'n', 'mean', 'answer 1', 'answer 2', 'answer 3', 'answer 4', 'answer 5', 'baseline', 'target', 'achieved', 'next benchmark', 'audience', 'response rate', 'note'],
};

const CSV_TEXT = {
  overall: { ja: '全体', en: 'overall' },
  department: { ja: '所属', en: 'department' },
  jobLevel: { ja: '職層', en: 'job level' },
  responseRate: { ja: '回答率', en: 'response rate' },
  hr: { ja: '人事課アンケート', en: 'HR survey' },
  unregistered: { ja: '記録なし（未登録、または少人数のため）', en: 'not recorded (not registered, or too few people)' },
  suppressed: { ja: `${MIN_GROUP_SIZE}名未満を含むため非表示`, en: `hidden: fewer than ${MIN_GROUP_SIZE} respondents` },
  hiddenGroups: {
    ja: `${MIN_GROUP_SIZE}名未満のグループと、差し引きでそれがわかってしまうグループは非表示`,
    en: `groups under ${MIN_GROUP_SIZE} respondents, and any group that would reveal one by subtraction, are hidden`,
  },
  withheld: { ja: '途中集計のため所属別・職層別は締切後に表示', en: 'interim snapshot: breakdowns are shown after the close' },
  yes: { ja: '達成', en: 'yes' },
  no: { ja: '未達成', en: 'no' },
  reference: {
    ja: `参考: 2024年 ${REFERENCE_SURVEY_2024.responses.toLocaleString('en-US')}名 ${formatRate(REFERENCE_SURVEY_2024.responseRate)}`,
    en: `reference: 2024 ${REFERENCE_SURVEY_2024.responses.toLocaleString('en-US')} answers ${formatRate(REFERENCE_SURVEY_2024.responseRate)}`,
  },
} satisfies Record<string, LocalizedText>;

/**
 * The aggregates as CSV for spreadsheet users: UTF-8 with a BOM (so Excel reads the Japanese), CRLF line ends,
 * RFC 4180 quoting. Only aggregates: suppressed groups stay blank, and no individual answer is ever a row.
 */
export function surveyResultsCsv(
  results: SurveyRoundResults,
  options: { locale: Locale; departmentName?: (departmentId: string) => string; jobLevelName?: (jobLevel: string) => string },
): string {
  const { locale } = options;
  const rows: (string | number | undefined)[][] = [];
  for (const question of results.questions) {
    rows.push([
      CSV_TEXT.overall[locale],
      CSV_TEXT.overall[locale],
      question.questionId,
      question.name[locale],
      question.n,
      question.mean === undefined ? undefined : formatMean(question.mean),
      ...SCALE.map((value) => question.distribution?.[value]),
      formatMean(question.baseline),
      question.targetLabel[locale],
      question.achieved === undefined ? undefined : question.achieved ? CSV_TEXT.yes[locale] : CSV_TEXT.no[locale],
      question.nextBenchmarkLabel?.[locale],
      undefined,
      undefined,
      question.suppressed ? CSV_TEXT.suppressed[locale] : undefined,
    ]);
  }
  const groupRows = (section: LocalizedText, breakdownResult: Breakdown, name: (id: string) => string) => {
    for (const group of breakdownResult.groups) {
      const groupName = group.groupId === undefined ? CSV_TEXT.unregistered[locale] : name(group.groupId);
      for (const question of results.questions) {
        const mean = group.means[question.questionId];
        rows.push([
          section[locale],
          groupName,
          question.questionId,
          question.name[locale],
          group.respondents,
          mean === undefined ? undefined : formatMean(mean),
          ...SCALE.map(() => undefined),
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      }
    }
    const note = breakdownResult.withheld ? CSV_TEXT.withheld[locale] : breakdownResult.someHidden ? CSV_TEXT.hiddenGroups[locale] : undefined;
    if (note) rows.push([section[locale], undefined, ...Array.from({ length: 15 }, () => undefined), note]);
  };
  groupRows(CSV_TEXT.department, results.byDepartment, options.departmentName ?? ((id) => id));
  groupRows(CSV_TEXT.jobLevel, results.byJobLevel, options.jobLevelName ?? ((id) => id));
  const { responseRate } = results;
  rows.push([
    CSV_TEXT.responseRate[locale],
    CSV_TEXT.overall[locale],
    undefined,
    undefined,
    responseRate.respondents,
    ...Array.from({ length: 10 }, () => undefined),
    responseRate.audienceSize,
    responseRate.rate === undefined ? undefined : formatRate(responseRate.rate),
    CSV_TEXT.reference[locale],
  ]);
  rows.push([CSV_TEXT.hr[locale], undefined, results.hrMeasured.outcomeId, undefined, ...Array.from({ length: 13 }, () => undefined), results.hrMeasured.text[locale]]);
  return toCsv([CSV_HEADERS[locale], ...rows]);
}
