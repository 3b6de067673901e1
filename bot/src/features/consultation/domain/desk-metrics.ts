import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { toCsv, type CsvValue } from '../../../kernel/domain/csv.js';
import { fiscalYearBounds, jstDate } from '../../../kernel/domain/jst.js';
import { businessHoursBetween } from './business-days.js';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS, type ConsultationCategory } from './categories.js';
import { slaClockOf, type SlaSettings } from './sla.js';
import type { Ticket } from './tickets.js';

/**
 * DX相談 desk metrics for the programme's process evaluation (outcomes 01 and 04: DX相談による伴走): per JST month
 * of a fiscal year and for the year, requests by category, median first-response and resolution times (office hours
 * by the SLA clocks' calendar, and calendar hours), the share within SLA, the satisfaction distribution, and the FAQ
 * self-service rate with the entries that resolved most. Pure: the caller reads the tickets and the counters.
 *
 * Rules, so the figures can be explained to an auditor:
 * - A request counts in the JST month it was filed (1 April 00:00 JST opens April), and so do its response,
 *   resolution and rating: each month is a cohort of requests.
 * - First response: デジタル推進課's first take, comment, start or resolve (firstResponseAt). Resolution: the latest
 *   resolution of a request that is resolved or closed (a reopened request is not resolved until resolved again).
 * - Within SLA: judged with the SLA clock module and the settings in force (the clocks are computed on read). A
 *   request counts once its clock is decided: answered/resolved, or still open past its due time (a miss). Open
 *   requests not yet due are left out of the share.
 * - Satisfaction: the requester's rating 1–5 of a resolved request.
 * - FAQ self-service rate: FAQ answer cards that ended in 「解決しました」 (the card then has no 相談する left) over FAQ
 *   answer cards shown, both counted in the JST month they happened; the entries ranked by those presses.
 */

/** The ticket fields the metrics read (the storage adapter selects only these columns). */
export type MetricsTicket = Pick<Ticket, 'number' | 'category' | 'urgency' | 'status' | 'createdAt' | 'firstResponseAt' | 'resolvedAt' | 'rating'>;

/** FAQ counters of one JST month (YYYY-MM). */
export interface FaqMonthCounts {
  month: string;
  shown: number;
  resolved: number;
  resolvedByEntry: Record<string, number>;
}

export interface DurationFigures {
  /** Requests with the measure (answered, or resolved). */
  count: number;
  /** Office hours (8:30–17:15 JST on business days), rounded to 0.1 h; undefined with no request measured. */
  medianBusinessHours: number | undefined;
  medianCalendarHours: number | undefined;
  /** Requests whose clock is decided, and of them those within the SLA. */
  slaDecided: number;
  withinSla: number;
  /** Percent (0.1), undefined when nothing is decided. */
  withinSlaPercent: number | undefined;
}

export interface PeriodMetrics {
  requests: number;
  byCategory: Record<ConsultationCategory, number>;
  firstResponse: DurationFigures;
  resolution: DurationFigures;
  /** Ratings 1–5: distribution[0] is how many gave 1. */
  satisfaction: { distribution: [number, number, number, number, number]; rated: number; mean: number | undefined };
  faq: { shown: number; resolved: number; selfServicePercent: number | undefined };
}

export type MonthMetrics = PeriodMetrics & { month: string };

export interface TopFaqEntry {
  id: string;
  question: LocalizedText | undefined;
  resolved: number;
}

export interface DeskMetrics {
  fiscalYear: number;
  /** April to March, every month present (zeros when nothing happened). */
  months: MonthMetrics[];
  year: PeriodMetrics;
  topFaqEntries: TopFaqEntry[];
  sla: Pick<SlaSettings, 'firstResponseHours' | 'resolutionHours'>;
  computedAt: string;
}

export interface DeskMetricsInput {
  fiscalYear: number;
  tickets: readonly MetricsTicket[];
  faqMonths: readonly FaqMonthCounts[];
  sla: Pick<SlaSettings, 'firstResponseHours' | 'resolutionHours'>;
  now: Date;
  /** The question of an FAQ entry, for the top list (undefined for an entry no longer in the FAQ). */
  faqQuestion?: ((id: string) => LocalizedText | undefined) | undefined;
  topN?: number | undefined;
}

export const TOP_FAQ_ENTRIES = 10;
/** The desk opened with the policy's period (令和7年度). */
export const DESK_METRICS_FIRST_FISCAL_YEAR = 2025;

const HOUR_MS = 3_600_000;

/** The JST month (YYYY-MM) of an instant. */
export const jstMonthOf = (iso: string | Date): string => jstDate(iso).slice(0, 7);

/** The twelve JST months of a fiscal year, April first. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_unused, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${index < 9 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const tenth = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 10) / 10);
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : undefined);

interface TicketFigures {
  ticket: MetricsTicket;
  firstResponse?: { business: number; calendar: number } | undefined;
  resolution?: { business: number; calendar: number } | undefined;
  /** undefined: the clock is not decided yet. */
  firstResponseWithin: boolean | undefined;
  resolutionWithin: boolean | undefined;
}

function figuresOf(ticket: MetricsTicket, input: DeskMetricsInput): TicketFigures {
  const filed = new Date(ticket.createdAt);
  const clock = slaClockOf(ticket, input.sla, input.now);
  const duration = (iso: string) => ({ business: businessHoursBetween(filed, new Date(iso)), calendar: Math.max(0, new Date(iso).getTime() - filed.getTime()) / HOUR_MS });
  const resolvedAt = (ticket.status === 'resolved' || ticket.status === 'closed') && ticket.resolvedAt ? ticket.resolvedAt : undefined;
  return {
    ticket,
    firstResponse: ticket.firstResponseAt ? duration(ticket.firstResponseAt) : undefined,
    resolution: resolvedAt ? duration(resolvedAt) : undefined,
    firstResponseWithin: ticket.firstResponseAt ? !clock.firstResponseOverdue : clock.firstResponseOverdue ? false : undefined,
    resolutionWithin: resolvedAt ? !clock.resolutionOverdue : clock.resolutionOverdue ? false : undefined,
  };
}

function durationFigures(measured: readonly { business: number; calendar: number }[], within: readonly (boolean | undefined)[]): DurationFigures {
  const decided = within.filter((value): value is boolean => value !== undefined);
  const withinSla = decided.filter(Boolean).length;
  return {
    count: measured.length,
    medianBusinessHours: tenth(median(measured.map((entry) => entry.business))),
    medianCalendarHours: tenth(median(measured.map((entry) => entry.calendar))),
    slaDecided: decided.length,
    withinSla,
    withinSlaPercent: percent(withinSla, decided.length),
  };
}

function periodMetrics(tickets: readonly TicketFigures[], faq: { shown: number; resolved: number }): PeriodMetrics {
  const byCategory = Object.fromEntries(CONSULTATION_CATEGORIES.map((category) => [category, 0])) as Record<ConsultationCategory, number>;
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let ratingSum = 0;
  for (const { ticket } of tickets) {
    byCategory[ticket.category]++;
    if (ticket.rating !== undefined && Number.isInteger(ticket.rating) && ticket.rating >= 1 && ticket.rating <= 5) {
      distribution[ticket.rating - 1] = (distribution[ticket.rating - 1] ?? 0) + 1;
      ratingSum += ticket.rating;
    }
  }
  const rated = distribution.reduce((sum, count) => sum + count, 0);
  return {
    requests: tickets.length,
    byCategory,
    firstResponse: durationFigures(
      tickets.flatMap((entry) => (entry.firstResponse ? [entry.firstResponse] : [])),
      tickets.map((entry) => entry.firstResponseWithin),
    ),
    resolution: durationFigures(
      tickets.flatMap((entry) => (entry.resolution ? [entry.resolution] : [])),
      tickets.map((entry) => entry.resolutionWithin),
    ),
    satisfaction: { distribution, rated, mean: rated > 0 ? Math.round((ratingSum / rated) * 100) / 100 : undefined },
    faq: { shown: faq.shown, resolved: faq.resolved, selfServicePercent: percent(faq.resolved, faq.shown) },
  };
}

/** The desk's figures for one fiscal year; tickets or counters outside the year are ignored. */
export function computeDeskMetrics(input: DeskMetricsInput): DeskMetrics {
  const months = fiscalYearMonths(input.fiscalYear);
  const bounds = fiscalYearBounds(input.fiscalYear);
  const inYear = input.tickets.filter((ticket) => {
    const at = new Date(ticket.createdAt).getTime();
    return at >= bounds.start.getTime() && at < bounds.end.getTime();
  });
  const figures = inYear.map((ticket) => figuresOf(ticket, input));
  const byMonth = new Map<string, TicketFigures[]>();
  for (const entry of figures) {
    const month = jstMonthOf(entry.ticket.createdAt);
    const list = byMonth.get(month) ?? [];
    list.push(entry);
    byMonth.set(month, list);
  }
  const faqByMonth = new Map<string, { shown: number; resolved: number }>();
  const resolvedByEntry = new Map<string, number>();
  for (const counts of input.faqMonths) {
    if (!months.includes(counts.month)) continue;
    const month = faqByMonth.get(counts.month) ?? { shown: 0, resolved: 0 };
    faqByMonth.set(counts.month, { shown: month.shown + counts.shown, resolved: month.resolved + counts.resolved });
    for (const [id, count] of Object.entries(counts.resolvedByEntry)) resolvedByEntry.set(id, (resolvedByEntry.get(id) ?? 0) + count);
  }
  const yearFaq = [...faqByMonth.values()].reduce((sum, month) => ({ shown: sum.shown + month.shown, resolved: sum.resolved + month.resolved }), { shown: 0, resolved: 0 });
  return {
    fiscalYear: input.fiscalYear,
    months: months.map((month) => ({ month, ...periodMetrics(byMonth.get(month) ?? [], faqByMonth.get(month) ?? { shown: 0, resolved: 0 }) })),
    year: periodMetrics(figures, yearFaq),
    topFaqEntries: [...resolvedByEntry.entries()]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, input.topN ?? TOP_FAQ_ENTRIES)
      .map(([id, resolved]) => ({ id, question: input.faqQuestion?.(id), resolved })),
    sla: { firstResponseHours: input.sla.firstResponseHours, resolutionHours: { ...input.sla.resolutionHours } },
    computedAt: input.now.toISOString(),
  };
}

const CSV_TEXT = {
  month: { ja: '年月', en: 'Month' },
  requests: { ja: '相談件数', en: 'Requests' },
  firstCount: { ja: '初回応答済み(件)', en: 'First responses' },
  firstBusiness: { ja: '初回応答時間の中央値(業務時間)', en: 'Median first response (office hours)' },
  firstCalendar: { ja: '初回応答時間の中央値(暦時間)', en: 'Median first response (calendar hours)' },
  firstDecided: { ja: '初回応答SLA判定(件)', en: 'First response SLA decided' },
  firstWithin: { ja: '初回応答SLA内(件)', en: 'First response within SLA' },
  firstPercent: { ja: '初回応答SLA内の割合(%)', en: 'First response within SLA (%)' },
  resolvedCount: { ja: '解決済み(件)', en: 'Resolved' },
  resolutionBusiness: { ja: '解決時間の中央値(業務時間)', en: 'Median resolution (office hours)' },
  resolutionCalendar: { ja: '解決時間の中央値(暦時間)', en: 'Median resolution (calendar hours)' },
  resolutionDecided: { ja: '解決SLA判定(件)', en: 'Resolution SLA decided' },
  resolutionWithin: { ja: '解決SLA内(件)', en: 'Resolution within SLA' },
  resolutionPercent: { ja: '解決SLA内の割合(%)', en: 'Resolution within SLA (%)' },
  rating: { ja: '満足度{n}(件)', en: 'Satisfaction {n}' },
  rated: { ja: '満足度の回答数', en: 'Ratings' },
  mean: { ja: '満足度の平均(5段階)', en: 'Mean satisfaction (of 5)' },
  faqShown: { ja: 'FAQ回答数', en: 'FAQ answers shown' },
  faqResolved: { ja: 'FAQで解決(解決しました)', en: 'Resolved by FAQ' },
  faqPercent: { ja: 'FAQ自己解決率(%)', en: 'FAQ self-service rate (%)' },
  topHeading: { ja: 'FAQで解決した件数の多いエントリ', en: 'FAQ entries that resolved most' },
  rank: { ja: '順位', en: 'Rank' },
  faqId: { ja: 'FAQ ID', en: 'FAQ id' },
  question: { ja: '質問', en: 'Question' },
  resolvedTimes: { ja: '解決しました(回)', en: 'Resolved (times)' },
} satisfies Record<string, LocalizedText>;

/** The year as a CSV for Excel (through the kernel's writer: BOM, formulas defused), headers in the viewer's language. */
export function deskMetricsCsv(metrics: DeskMetrics, locale: Locale): string {
  const text = (key: keyof typeof CSV_TEXT) => CSV_TEXT[key][locale];
  const header: CsvValue[] = [
    text('month'),
    text('requests'),
    ...CONSULTATION_CATEGORIES.map((category) => CONSULTATION_CATEGORY_LABELS[category][locale]),
    ...(['firstCount', 'firstBusiness', 'firstCalendar', 'firstDecided', 'firstWithin', 'firstPercent'] as const).map(text),
    ...(['resolvedCount', 'resolutionBusiness', 'resolutionCalendar', 'resolutionDecided', 'resolutionWithin', 'resolutionPercent'] as const).map(text),
    ...[1, 2, 3, 4, 5].map((n) => text('rating').replace('{n}', String(n))),
    text('rated'),
    text('mean'),
    text('faqShown'),
    text('faqResolved'),
    text('faqPercent'),
  ];
  const row = (label: string, period: PeriodMetrics): CsvValue[] => [
    label,
    period.requests,
    ...CONSULTATION_CATEGORIES.map((category) => period.byCategory[category]),
    ...[period.firstResponse, period.resolution].flatMap((figures) => [figures.count, figures.medianBusinessHours, figures.medianCalendarHours, figures.slaDecided, figures.withinSla, figures.withinSlaPercent]),
    ...period.satisfaction.distribution,
    period.satisfaction.rated,
    period.satisfaction.mean,
    period.faq.shown,
    period.faq.resolved,
    period.faq.selfServicePercent,
  ];
  const top = metrics.topFaqEntries.map((entry, index): CsvValue[] => [index + 1, entry.id, entry.question?.[locale] ?? '', entry.resolved]);
  return toCsv([
    header,
    ...metrics.months.map((month) => row(month.month, month)),
    row(locale === 'ja' ? `${metrics.fiscalYear}年度計` : `FY${metrics.fiscalYear} total`, metrics.year),
    [],
    [text('topHeading')],
    [text('rank'), text('faqId'), text('question'), text('resolvedTimes')],
    ...top,
  ]);
}
