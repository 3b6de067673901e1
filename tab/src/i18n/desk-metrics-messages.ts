import type { Locale } from './messages';

/** The tab's 相談の分析 strings, Japanese first with the English twin (kept apart from the desk's strings to ease merges). */
export const DESK_METRICS_MESSAGES = {
  heading: { ja: '相談の分析(DX相談の実績)', en: 'Desk metrics (DX consultation)' },
  intro: {
    ja: '事業評価(直接アウトカム01・04「DX相談による伴走」)のプロセス評価用です。相談は受け付けた月(日本時間)に数え、応答・解決・満足度もその月の相談の値です。時間は業務時間(平日8:30~17:15、祝日・年末年始を除く)と暦時間の中央値です。',
    en: 'For the process evaluation of outcomes 01 and 04 (DX consultation). Requests count in the JST month they were filed, with their response, resolution and rating. Times are medians in office hours (weekdays 8:30–17:15 JST, holidays excluded) and calendar hours.',
  },
  year: { ja: '年度', en: 'Fiscal year' },
  fiscalYear: { ja: '{year}年度', en: 'FY{year}' },
  exportCsv: { ja: 'CSVで出力', en: 'Export CSV' },
  requests: { ja: '相談件数', en: 'Requests' },
  firstResponse: { ja: '初回応答(中央値)', en: 'First response (median)' },
  resolution: { ja: '解決まで(中央値)', en: 'Resolution (median)' },
  firstWithinSla: { ja: '初回応答のSLA達成率', en: 'First response within SLA' },
  resolutionWithinSla: { ja: '解決のSLA達成率', en: 'Resolution within SLA' },
  satisfaction: { ja: '満足度(平均・5段階)', en: 'Satisfaction (mean of 5)' },
  selfService: { ja: 'FAQ自己解決率', en: 'FAQ self-service rate' },
  businessHours: { ja: '業務{value}時間', en: '{value} office h' },
  calendarHours: { ja: '暦{value}時間', en: '{value} calendar h' },
  ofDecided: { ja: '{within}/{decided}件', en: '{within} of {decided}' },
  rated: { ja: '{n}件の回答', en: '{n} ratings' },
  faqCounts: { ja: '解決しました {resolved}/FAQ回答 {shown}', en: '{resolved} resolved of {shown} answers' },
  none: { ja: '—', en: '—' },
  chartHeading: { ja: '月別の相談件数(分類別)', en: 'Requests per month by category' },
  chartLabel: { ja: '月別の相談件数の積み上げ棒グラフ。数値は下の表にもあります。', en: 'Stacked bars of requests per month; the figures are also in the table below.' },
  month: { ja: '{month}月', en: '{month}' },
  tableHeading: { ja: '月別の実績', en: 'Figures per month' },
  colMonth: { ja: '月', en: 'Month' },
  colFirst: { ja: '初回応答 業務/暦(時間)', en: 'First response office/calendar (h)' },
  colResolution: { ja: '解決 業務/暦(時間)', en: 'Resolution office/calendar (h)' },
  colFirstSla: { ja: '初回SLA内', en: 'First SLA' },
  colResolutionSla: { ja: '解決SLA内', en: 'Resolution SLA' },
  colSatisfaction: { ja: '満足度(件数)', en: 'Satisfaction (n)' },
  colFaq: { ja: 'FAQ自己解決率', en: 'FAQ self-service' },
  yearTotal: { ja: '年度計', en: 'Year' },
  distributionHeading: { ja: '満足度の分布', en: 'Satisfaction distribution' },
  ratingLabel: { ja: '{n}点', en: '{n}' },
  topHeading: { ja: 'FAQで解決した件数の多いエントリ', en: 'FAQ entries that resolved most' },
  topNone: { ja: 'この年度に「解決しました」はまだありません。', en: 'No FAQ answer was marked resolved this year yet.' },
  times: { ja: '{n}回', en: '{n}×' },
  slaNote: { ja: 'SLA: 初回応答 {first}時間、解決 高{high}・中{medium}・低{low}時間(業務時間、現在の設定で判定)', en: 'SLA: first response {first} h; resolution high {high}, medium {medium}, low {low} h (office hours, judged with the current settings)' },
} as const;

export type DeskMetricsMessageKey = keyof typeof DESK_METRICS_MESSAGES;

export function deskMetricsText(locale: Locale, key: DeskMetricsMessageKey, values: Record<string, string | number> = {}): string {
  return DESK_METRICS_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
