import type { Course } from '../../../kernel/domain/catalog/courses.js';
import { isTargetAchieved, nextBenchmark, type Benchmark } from '../../../kernel/domain/catalog/benchmark-rule.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { DIRECT_OUTCOMES, type OutcomeId } from '../../../kernel/domain/catalog/outcomes.js';
import { HR_MEASURED_OUTCOME, SURVEY_INDICATORS } from '../../../kernel/domain/catalog/survey-indicators.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { PeriodMetrics } from '../../consultation/domain/desk-metrics.js';
import type { Enrollment, TrainingSession } from '../../training/domain/training-sessions.js';
import { AWARD_CATEGORIES, PROGRAMME_FISCAL_YEARS, type AwardCategory, type Nomination } from './award-nominations.js';

/**
 * 事業評価 (第2章 3., 第4章): the logic model's eight direct outcomes for one fiscal year, each with its activities'
 * outputs computed from the app's own records and its survey indicator (mean against baseline and target, achieved
 * or not, next year's benchmark by the policy's rule). Outcome 02 is 人事課's, measured by their own survey.
 */

/** One output figure of an activity; `breakdown` is per course, per category or per 課 where that says more. */
export interface OutputFigure {
  key: string;
  label: LocalizedText;
  value: number;
  breakdown?: { id: string; label: LocalizedText; value: number }[] | undefined;
}

export interface IndicatorResult {
  questionId: string;
  name: LocalizedText;
  baseline: number;
  target: { kind: 'value'; value: number } | { kind: 'at-least-baseline'; value: number };
  mean?: number | undefined;
  n?: number | undefined;
  previousMean?: number | undefined;
  /** Year over year: every year up to this one with a mean (2024 is the policy's baseline survey). */
  history: { fiscalYear: number; mean: number }[];
  achieved?: boolean | undefined;
  nextBenchmark?: Benchmark | undefined;
}

export interface OutcomeEvaluation {
  outcomeId: OutcomeId;
  title: LocalizedText;
  outputs: OutputFigure[];
  indicators: IndicatorResult[];
  /** Outcome 02 only: measured by 人事課's own survey; their figure once entered. */
  hrMeasured?: { text: LocalizedText; figure?: HrFigure | undefined } | undefined;
}

export interface HrFigure {
  fiscalYear: number;
  value: number;
  enteredBy: string;
  enteredAt: string;
}

/** A survey mean per question for a year (the closed annual round's final figures; the 2024 baseline before it). */
export type SurveyYearMeans = Map<number, Map<string, { mean?: number | undefined; n?: number | undefined }>>;

export interface ProgrammeRecords {
  fiscalYear: number;
  /** [start, end) of the fiscal year and now: a session counts as held once it has started. */
  bounds: { start: Date; end: Date };
  now: Date;
  courses: readonly Course[];
  sessions: readonly { session: TrainingSession; enrollments: readonly Enrollment[] }[];
  newsPublishedAt: readonly { id: string; category: string; publishedAt: string | undefined }[];
  employees: readonly Employee[];
  nominations: readonly Nomination[];
  surveyMeans: SurveyYearMeans;
  hrFigure: HrFigure | undefined;
  /** DX相談: the year's figures from the desk metrics (相談の分析), so the dashboard and the desk never disagree. */
  consultations: Pick<PeriodMetrics, 'requests' | 'satisfaction' | 'faq'>;
  /** IT exam passes recorded for staff (実績・助成), with the exam list for names. */
  examPasses: readonly { employeeId: string; examId: string; passedOn: string }[];
  exams: readonly { id: string; name: LocalizedText }[];
  /** News broadcasts (sent now, weekly digests): when started and how many cards reached someone, once finished. */
  newsBroadcasts: readonly { kind: string; createdAt: string; delivered: number | undefined }[];
  /** Sent items that asked for 「確認しました」: how many people were asked (current audience) and how many confirmed. */
  newsConfirmations: readonly { newsId: string; title: string; publishedAt: string | undefined; asked: number; confirmed: number }[];
}

/** Broadcast kinds that carry インフォメーション to staff (reach counts their delivered cards). */
export const NEWS_BROADCAST_KINDS: readonly string[] = ['news', 'weekly-digest'];

const inYear = (iso: string | undefined, bounds: { start: Date; end: Date }) => {
  if (!iso) return false;
  const at = new Date(iso).getTime();
  return at >= bounds.start.getTime() && at < bounds.end.getTime();
};

const AWARD_LABELS: Record<AwardCategory, LocalizedText> = {
  grand: { ja: '最優秀賞', en: 'Grand award' },
  excellent: { ja: '優秀賞', en: 'Excellence award' },
  encouragement: { ja: '奨励賞', en: 'Encouragement award' },
};

function trainingOutputs(outcomeId: OutcomeId, records: ProgrammeRecords): OutputFigure[] {
  const courses = records.courses.filter((course) => course.outcomes.includes(outcomeId));
  if (courses.length === 0) return [];
  const held = records.sessions.filter(({ session }) => !session.cancelled && inYear(session.startsAt, records.bounds) && new Date(session.startsAt) <= records.now);
  const perCourse = courses.map((course) => {
    const sessions = held.filter(({ session }) => session.courseId === course.id);
    const attended = sessions.reduce((sum, { enrollments }) => sum + enrollments.filter((enrollment) => enrollment.attended === true).length, 0);
    return { course, sessions: sessions.length, attended };
  });
  return [
    {
      key: 'sessions-held',
      label: { ja: '研修の実施回数', en: 'Training sessions held' },
      value: perCourse.reduce((sum, entry) => sum + entry.sessions, 0),
      breakdown: perCourse.map((entry) => ({ id: entry.course.id, label: entry.course.title, value: entry.sessions })),
    },
    {
      key: 'attendance',
      label: { ja: '研修の出席者数(延べ)', en: 'Training attendance (total)' },
      value: perCourse.reduce((sum, entry) => sum + entry.attended, 0),
      breakdown: perCourse.map((entry) => ({ id: entry.course.id, label: entry.course.title, value: entry.attended })),
    },
  ];
}

function awardOutputs(records: ProgrammeRecords): OutputFigure[] {
  const ofYear = records.nominations.filter((nomination) => inYear(nomination.submittedAt, records.bounds));
  const awards = records.nominations.filter((nomination) => nomination.award?.fiscalYear === records.fiscalYear);
  return [
    { key: 'nominations', label: { ja: '優良事例の推薦数', en: 'Good-practice nominations' }, value: ofYear.length },
    {
      key: 'awards',
      label: { ja: '表彰件数', en: 'Awards' },
      value: awards.length,
      breakdown: AWARD_CATEGORIES.map((category) => ({ id: category, label: AWARD_LABELS[category], value: awards.filter((nomination) => nomination.award?.category === category).length })),
    },
  ];
}

function promoterOutputs(records: ProgrammeRecords): OutputFigure[] {
  const promoters = records.employees.filter((employee) => employee.roles.includes('promoter'));
  const departments = new Set(promoters.map((employee) => employee.departmentId).filter((id): id is string => Boolean(id)));
  return [
    { key: 'promoters', label: { ja: 'DX推進委員の人数', en: 'DX promoters' }, value: promoters.length },
    { key: 'promoter-departments', label: { ja: 'DX推進委員のいる課の数', en: 'Departments with a DX promoter' }, value: departments.size },
  ];
}

function consultationOutputs(records: ProgrammeRecords): OutputFigure[] {
  const { requests, satisfaction, faq } = records.consultations;
  const figures: OutputFigure[] = [
    { key: 'consultations', label: { ja: 'DX相談の件数', en: 'DX consultation requests' }, value: requests },
    { key: 'consultations-rated', label: { ja: 'うち満足度の回答', en: 'of which rated' }, value: satisfaction.rated },
  ];
  if (satisfaction.mean !== undefined) {
    figures.push({ key: 'consultation-satisfaction', label: { ja: 'DX相談の満足度(平均・5段階)', en: 'Consultation satisfaction (mean of 5)' }, value: satisfaction.mean });
  }
  if (faq.selfServicePercent !== undefined) {
    figures.push({ key: 'faq-self-service-rate', label: { ja: 'FAQ自己解決率(%)', en: 'FAQ self-service rate (%)' }, value: faq.selfServicePercent });
  }
  return figures;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function newsOutputs(records: ProgrammeRecords): OutputFigure[] {
  const sent = records.newsPublishedAt.filter((item) => inYear(item.publishedAt, records.bounds));
  const reach = records.newsBroadcasts
    .filter((broadcast) => NEWS_BROADCAST_KINDS.includes(broadcast.kind) && inYear(broadcast.createdAt, records.bounds))
    .reduce((sum, broadcast) => sum + (broadcast.delivered ?? 0), 0);
  const asking = records.newsConfirmations.filter((item) => inYear(item.publishedAt, records.bounds));
  const asked = asking.reduce((sum, item) => sum + item.asked, 0);
  const confirmed = asking.reduce((sum, item) => sum + item.confirmed, 0);
  return [
    { key: 'news-sent', label: { ja: 'インフォメーションの配信数', en: 'News items sent' }, value: sent.length },
    { key: 'good-practices-sent', label: { ja: 'うち庁内優良事例', en: 'of which good practice' }, value: sent.filter((item) => item.category === 'good-practices').length },
    { key: 'news-reach', label: { ja: 'インフォメーションが届いた数(延べ・配信完了分)', en: 'News cards delivered (total, finished sends)' }, value: reach },
    {
      key: 'news-confirmations',
      label: { ja: '「確認しました」の数', en: 'Confirmations ("I have read this")' },
      value: confirmed,
      breakdown: asking.map((item) => ({ id: item.newsId, label: { ja: item.title, en: item.title }, value: item.confirmed })),
    },
    { key: 'news-confirmation-rate', label: { ja: '確認率(確認を求めたお知らせ・%)', en: 'Confirmation rate (news asking for it, %)' }, value: percent(confirmed, asked) },
  ];
}

function examOutputs(records: ProgrammeRecords): OutputFigure[] {
  const passed = records.examPasses.filter((pass) => inYear(`${pass.passedOn}T00:00:00+09:00`, records.bounds));
  const byExam = new Map<string, number>();
  for (const pass of passed) byExam.set(pass.examId, (byExam.get(pass.examId) ?? 0) + 1);
  const names = new Map(records.exams.map((exam) => [exam.id, exam.name]));
  return [
    {
      key: 'exam-passes',
      label: { ja: 'IT関連試験の合格(延べ)', en: 'IT exam passes' },
      value: passed.length,
      breakdown: [...byExam.entries()].map(([examId, value]) => ({ id: examId, label: names.get(examId) ?? { ja: examId, en: examId }, value })),
    },
  ];
}

/** 人材データの集約と活用 (outcome 02): staff with at least one IT exam pass on record by the end of the year. */
function talentDataOutputs(records: ProgrammeRecords): OutputFigure[] {
  const current = new Set(records.employees.map((employee) => employee.id));
  const holders = new Set(
    records.examPasses.filter((pass) => current.has(pass.employeeId) && new Date(`${pass.passedOn}T00:00:00+09:00`) < records.bounds.end).map((pass) => pass.employeeId),
  );
  return [{ key: 'staff-with-exam-pass', label: { ja: 'IT関連試験の合格を記録した職員(年度末まで)', en: 'Staff with an IT exam pass on record (to year end)' }, value: holders.size }];
}

function indicatorResults(outcomeId: OutcomeId, records: ProgrammeRecords): IndicatorResult[] {
  const thisYear = records.surveyMeans.get(records.fiscalYear);
  const lastYear = records.surveyMeans.get(records.fiscalYear - 1);
  return SURVEY_INDICATORS.filter((indicator) => indicator.outcomeId === outcomeId).map((indicator) => {
    const current = thisYear?.get(indicator.id);
    const mean = current?.mean;
    return {
      questionId: indicator.id,
      name: indicator.name,
      baseline: indicator.baseline,
      target: indicator.target.kind === 'value' ? indicator.target : { kind: 'at-least-baseline', value: indicator.baseline },
      mean,
      n: current?.n,
      previousMean: lastYear?.get(indicator.id)?.mean,
      history: [...records.surveyMeans.entries()]
        .filter(([year]) => year <= records.fiscalYear)
        .flatMap(([year, means]) => {
          const yearMean = means.get(indicator.id)?.mean;
          return yearMean === undefined ? [] : [{ fiscalYear: year, mean: yearMean }];
        })
        .sort((a, b) => a.fiscalYear - b.fiscalYear),
      achieved: mean === undefined ? undefined : isTargetAchieved(mean, indicator),
      nextBenchmark: mean === undefined ? undefined : nextBenchmark(mean),
    };
  });
}

/** The eight direct outcomes of one fiscal year, outputs and indicators, in the policy's order. */
export function evaluateLogicModel(records: ProgrammeRecords): OutcomeEvaluation[] {
  return DIRECT_OUTCOMES.map((outcome) => {
    const outputs = [...trainingOutputs(outcome.id, records)];
    // IT関連試験・講座助成 and 評価・表彰 serve 03; the passes, gathered per person, are 02's 人材データ.
    if (outcome.id === '02') outputs.push(...talentDataOutputs(records));
    if (outcome.id === '03') outputs.push(...examOutputs(records), ...awardOutputs(records));
    // DX相談による伴走 serves outcome 01 (ツール活用支援) and again outcome 04 (【再掲】).
    if (outcome.id === '01' || outcome.id === '04') outputs.push(...consultationOutputs(records));
    if (outcome.id === '04') outputs.push(...promoterOutputs(records));
    if (outcome.id === '05') outputs.push(...newsOutputs(records));
    const evaluation: OutcomeEvaluation = { outcomeId: outcome.id, title: outcome.title, outputs, indicators: indicatorResults(outcome.id, records) };
    if (outcome.id === HR_MEASURED_OUTCOME.outcomeId) evaluation.hrMeasured = { text: HR_MEASURED_OUTCOME.text, figure: records.hrFigure };
    return evaluation;
  });
}

/** The fiscal years the dashboard can show: the policy's period up to the current year. */
export function checkEvaluationYear(fiscalYear: number, currentFiscalYear: number): number {
  const last = Math.min(PROGRAMME_FISCAL_YEARS.last, currentFiscalYear);
  if (!Number.isInteger(fiscalYear) || fiscalYear < PROGRAMME_FISCAL_YEARS.first || fiscalYear > last) {
    throw new AppError('invalid-input', {
      detail: `evaluation year ${fiscalYear}`,
      userMessage: { ja: `${fiscalYear}年度は評価できる年度ではありません(${PROGRAMME_FISCAL_YEARS.first}年度~${last}年度)。`, en: `Fiscal year ${fiscalYear} cannot be evaluated (${PROGRAMME_FISCAL_YEARS.first}–${last}).` },
    });
  }
  return fiscalYear;
}

/** 人事課's figure for outcome 02: their survey's mean on the same 1–5 scale. */
export function checkHrFigure(value: number): number {
  if (!Number.isFinite(value) || value < 1 || value > 5) {
    throw new AppError('invalid-input', { detail: `hr figure ${value}`, userMessage: { ja: '人事課の数値は1~5の範囲で入力してください。', en: 'Enter the Personnel Division’s figure between 1 and 5.' } });
  }
  return Math.round(value * 1000) / 1000;
}

export interface HrFigureRepository {
  get(fiscalYear: number): Promise<HrFigure | undefined>;
  save(figure: HrFigure): Promise<void>;
}
