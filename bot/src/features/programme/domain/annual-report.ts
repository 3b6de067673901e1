import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { IndicatorResult, OutcomeEvaluation } from './logic-model.js';

/**
 * 年次報告: the year's logic model as sheets of rows (a summary, then one sheet per outcome) that デジタル推進課 can
 * paste into the アクションプラン. Pure: the xlsx writer only lays these rows out.
 */
export interface ReportSheet {
  name: string;
  rows: (string | number | undefined)[][];
}

const ja = (text: LocalizedText) => text.ja;
const targetText = (indicator: IndicatorResult) => (indicator.target.kind === 'value' ? indicator.target.value : `基準値以上(${indicator.baseline})`);
const achievedText = (indicator: IndicatorResult) => (indicator.achieved === undefined ? '結果なし' : indicator.achieved ? '達成' : '未達成');
const benchmarkText = (indicator: IndicatorResult) =>
  indicator.nextBenchmark === undefined ? '' : indicator.nextBenchmark.kind === 'at-least' ? `今年度の数字以上(${indicator.nextBenchmark.value})` : indicator.nextBenchmark.value;

const INDICATOR_HEADER = ['評価指標', '平均', '回答数', '前年度', '基準値', '目標値', '達成', '次年度のベンチマーク'];
const indicatorRow = (indicator: IndicatorResult) => [
  ja(indicator.name),
  indicator.mean,
  indicator.n,
  indicator.previousMean,
  indicator.baseline,
  targetText(indicator),
  achievedText(indicator),
  benchmarkText(indicator),
];

export function annualReportSheets(fiscalYear: number, outcomes: readonly OutcomeEvaluation[]): ReportSheet[] {
  const summary: ReportSheet = {
    name: '概要',
    rows: [
      [`${fiscalYear}年度 DX人材育成 事業評価(ロジックモデル)`],
      [],
      ['直接アウトカム', ...INDICATOR_HEADER],
      ...outcomes.flatMap((outcome) =>
        outcome.hrMeasured
          ? [[`${outcome.outcomeId} ${ja(outcome.title)}`, ja(outcome.hrMeasured.text), outcome.hrMeasured.figure?.value]]
          : outcome.indicators.map((indicator) => [`${outcome.outcomeId} ${ja(outcome.title)}`, ...indicatorRow(indicator)]),
      ),
      [],
      // The activities' outputs of the year beside the indicators (their per-course/category rows are on each outcome's sheet).
      ['直接アウトカム', '活動の実績', '値'],
      ...outcomes.flatMap((outcome) => outcome.outputs.map((figure) => [`${outcome.outcomeId} ${ja(outcome.title)}`, ja(figure.label), figure.value])),
    ],
  };
  const perOutcome = outcomes.map((outcome): ReportSheet => {
    const rows: ReportSheet['rows'] = [[`${outcome.outcomeId} ${ja(outcome.title)}`], [], ['活動の実績', '値']];
    for (const figure of outcome.outputs) {
      rows.push([ja(figure.label), figure.value]);
      for (const entry of figure.breakdown ?? []) rows.push([`  ${ja(entry.label)}`, entry.value]);
    }
    rows.push([]);
    if (outcome.hrMeasured) {
      rows.push(['評価指標', '人事課の数値'], [ja(outcome.hrMeasured.text), outcome.hrMeasured.figure?.value]);
    } else {
      rows.push(INDICATOR_HEADER, ...outcome.indicators.map(indicatorRow));
    }
    return { name: `アウトカム${outcome.outcomeId}`, rows };
  });
  return [summary, ...perOutcome];
}
