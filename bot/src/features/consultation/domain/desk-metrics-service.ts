import { adminCheck } from '../../../kernel/domain/access.js';
import type { Locale, LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../kernel/domain/jst.js';
import type { EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { ConsultationDeskRepository } from './consultation-ports.js';
import { computeDeskMetrics, DESK_METRICS_FIRST_FISCAL_YEAR, deskMetricsCsv, type DeskMetrics, type FaqMonthCounts, type MetricsTicket } from './desk-metrics.js';
import { FAQ_ENTRIES } from './faq-entries.js';
import { DEFAULT_SLA_SETTINGS } from './sla.js';

/** What the desk metrics read: one fiscal year's tickets and FAQ counters, each a bounded partition-scoped query. */
export interface DeskMetricsRepository {
  /** Tickets filed in [start, end), with only the columns the metrics need. */
  ticketsFiledBetween(start: Date, end: Date): Promise<MetricsTicket[]>;
  /** The FAQ counters of each JST month of the fiscal year that has any. */
  faqMonths(fiscalYear: number): Promise<FaqMonthCounts[]>;
}

/** 管理 → 相談の分析: the desk's monthly figures of a fiscal year for デジタル推進課, as JSON and as CSV. */
export function createDeskMetricsService(deps: {
  store: DeskMetricsRepository;
  desk: Pick<ConsultationDeskRepository, 'getSlaSettings'>;
  employees: Pick<EmployeeRepository, 'get'>;
  /** Every FAQ entry, retired ones too, for the top list's questions as デジタル推進課 last edited them. */
  faqEntries?: () => Promise<readonly { id: string; question: LocalizedText }[]>;
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();
  const requireAdmin = adminCheck(deps.employees);
  const faqEntries = deps.faqEntries ?? (() => Promise.resolve(FAQ_ENTRIES));

  /** The fiscal years there is a desk for: from the policy's first year to this one. */
  const yearsUpTo = (current: number) => Array.from({ length: Math.max(0, current - DESK_METRICS_FIRST_FISCAL_YEAR + 1) }, (_unused, index) => DESK_METRICS_FIRST_FISCAL_YEAR + index);

  function checkYear(requested: number | undefined, current: number): number {
    const year = requested ?? current;
    if (!Number.isInteger(year) || year < DESK_METRICS_FIRST_FISCAL_YEAR || year > current) {
      throw new AppError('invalid-input', {
        detail: `desk metrics year ${year}`,
        userMessage: {
          ja: `${year}年度の相談の分析はありません(${DESK_METRICS_FIRST_FISCAL_YEAR}年度~${current}年度)。`,
          en: `There are no desk metrics for fiscal year ${year} (${DESK_METRICS_FIRST_FISCAL_YEAR}–${current}).`,
        },
      });
    }
    return year;
  }

  /** The figures of a fiscal year (this one by default); only デジタル推進課 may read them. */
  async function metrics(adminId: string, requestedYear?: number): Promise<DeskMetrics & { years: number[] }> {
    await requireAdmin(adminId);
    const at = now();
    const current = fiscalYearOf(at);
    const fiscalYear = checkYear(requestedYear, current);
    const bounds = fiscalYearBounds(fiscalYear);
    const [tickets, faqMonths, settings, entries] = await Promise.all([
      deps.store.ticketsFiledBetween(bounds.start, bounds.end),
      deps.store.faqMonths(fiscalYear),
      deps.desk.getSlaSettings(),
      faqEntries(),
    ]);
    const questions = new Map(entries.map((entry) => [entry.id, entry.question]));
    const faqQuestion = (id: string) => questions.get(id);
    const computed = computeDeskMetrics({ fiscalYear, tickets, faqMonths, sla: settings ?? DEFAULT_SLA_SETTINGS, now: at, faqQuestion });
    return { ...computed, years: yearsUpTo(current) };
  }

  return {
    metrics,
    /** The same figures as a CSV file for Excel, headers in the viewer's language. */
    async csv(adminId: string, requestedYear: number | undefined, locale: Locale): Promise<{ fiscalYear: number; csv: string }> {
      const figures = await metrics(adminId, requestedYear);
      return { fiscalYear: figures.fiscalYear, csv: deskMetricsCsv(figures, locale) };
    },
  };
}
export type DeskMetricsService = ReturnType<typeof createDeskMetricsService>;
