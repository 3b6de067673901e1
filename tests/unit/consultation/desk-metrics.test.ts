import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addBusinessHours, businessHoursBetween } from '../../../bot/src/features/consultation/domain/business-days.js';
import { computeDeskMetrics, deskMetricsCsv, fiscalYearMonths, median, type DeskMetricsInput, type FaqMonthCounts, type MetricsTicket } from '../../../bot/src/features/consultation/domain/desk-metrics.js';

const jst = (local: string) => new Date(`${local}+09:00`);
const iso = (local: string) => jst(local).toISOString();
const SLA = { firstResponseHours: 4, resolutionHours: { high: 8, medium: 24, low: 40 } };
let sequence = 0;
const ticket = (filed: string, overrides: Partial<MetricsTicket> = {}): MetricsTicket => ({
  number: `DX-2026-${String(++sequence).padStart(4, '0')}`,
  category: 'tool',
  urgency: 'medium',
  status: 'new',
  createdAt: iso(filed),
  firstResponseAt: undefined,
  resolvedAt: undefined,
  rating: undefined,
  ...overrides,
});
const input = (overrides: Partial<DeskMetricsInput>): DeskMetricsInput => ({ fiscalYear: 2026, tickets: [], faqMonths: [], sla: SLA, now: jst('2027-06-01T12:00'), ...overrides });
const month = (metrics: ReturnType<typeof computeDeskMetrics>, name: string) => metrics.months.find((entry) => entry.month === name)!;

describe('office hours between two instants (the inverse of the SLA clock)', () => {
  it('when a request is filed Friday 16:15 and answered Monday 9:30, then 2 office hours passed (the weekend does not count)', () => {
    expect(businessHoursBetween(jst('2026-04-10T16:15'), jst('2026-04-13T09:30'))).toBe(2);
  });

  it('when the span crosses Golden Week, then 昭和の日 and 5/3–5/6 do not count', () => {
    // 4/28 16:00–17:15 (1.25) + 4/30 and 5/1 (8.75 each) + 5/7 8:30–10:00 (1.5).
    expect(businessHoursBetween(jst('2026-04-28T16:00'), jst('2026-05-07T10:00'))).toBe(20.25);
  });

  it('when the span is the year-end closure or a night, then nothing counts; counting back the SLA clock gives its hours', () => {
    expect(businessHoursBetween(jst('2026-12-28T17:15'), jst('2027-01-04T08:30'))).toBe(0);
    expect(businessHoursBetween(jst('2026-04-13T18:00'), jst('2026-04-14T08:00'))).toBe(0);
    const start = jst('2026-07-17T15:42');
    expect(businessHoursBetween(start, addBusinessHours(start, 24))).toBeCloseTo(24, 6);
  });
});

describe('desk metrics of a fiscal year', () => {
  it('when the year has no request and no FAQ answer, then all twelve months April–March are there with zeros and no medians or shares', () => {
    const metrics = computeDeskMetrics(input({}));
    expect(metrics.months.map((entry) => entry.month)).toEqual(fiscalYearMonths(2026));
    expect(metrics.months[0]!.month).toBe('2026-04');
    expect(metrics.months[11]!.month).toBe('2027-03');
    for (const entry of [...metrics.months, metrics.year]) {
      expect(entry.requests).toBe(0);
      expect(entry.firstResponse).toEqual({ count: 0, medianBusinessHours: undefined, medianCalendarHours: undefined, slaDecided: 0, withinSla: 0, withinSlaPercent: undefined });
      expect(entry.satisfaction).toEqual({ distribution: [0, 0, 0, 0, 0], rated: 0, mean: undefined });
      expect(entry.faq.selfServicePercent).toBeUndefined();
    }
    expect(metrics.topFaqEntries).toEqual([]);
  });

  it('when four requests were answered after 1, 2, 3 and 4 office hours, then the median is 2.5 (the mean of the middle two)', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    const tickets = [1, 2, 3, 4].map((hours) => ticket('2026-06-01T09:00', { status: 'assigned', firstResponseAt: iso(`2026-06-01T${String(9 + hours).padStart(2, '0')}:00`) }));
    const june = month(computeDeskMetrics(input({ tickets })), '2026-06');
    expect(june.firstResponse.count).toBe(4);
    expect(june.firstResponse.medianBusinessHours).toBe(2.5);
    expect(june.firstResponse.medianCalendarHours).toBe(2.5);
  });

  it('when a request waits over a weekend and a holiday, then the office-hours median leaves those days out and the calendar median keeps them', () => {
    // Friday 16:15 → Monday 9:30: 2 office hours, 65.25 calendar hours. 4/28 16:00 → 5/7 10:00 (Golden Week): 20.25 and 210.
    const tickets = [
      ticket('2026-04-10T16:15', { status: 'closed', firstResponseAt: iso('2026-04-13T09:30'), resolvedAt: iso('2026-04-13T09:30'), rating: 5 }),
      ticket('2026-04-28T16:00', { status: 'resolved', firstResponseAt: iso('2026-05-07T10:00'), resolvedAt: iso('2026-05-07T10:00') }),
    ];
    const april = month(computeDeskMetrics(input({ tickets })), '2026-04');
    expect(april.resolution.count).toBe(2);
    expect(april.resolution.medianBusinessHours).toBe(11.1); // (2 + 20.25) / 2 = 11.125
    expect(april.resolution.medianCalendarHours).toBe(137.6); // (65.25 + 210) / 2 = 137.625
  });

  it('when a request is filed at 23:59 JST on 30 April or at 00:00 JST on 1 May, then it counts in April or May (JST months, not UTC)', () => {
    const tickets = [ticket('2026-04-30T23:59:59'), ticket('2026-05-01T00:00:00', { category: 'ai' }), ticket('2026-03-31T23:59:59'), ticket('2027-03-31T23:59:59'), ticket('2027-04-01T00:00:00')];
    const metrics = computeDeskMetrics(input({ tickets }));
    expect(month(metrics, '2026-04').requests).toBe(1);
    expect(month(metrics, '2026-05').byCategory.ai).toBe(1);
    // 31 March 2026 belongs to 2025年度, 1 April 2027 to 2027年度.
    expect(month(metrics, '2027-03').requests).toBe(1);
    expect(metrics.year.requests).toBe(3);
  });

  it('when requests were answered in time, late or not yet, then the share within SLA counts only decided clocks', () => {
    const now = jst('2026-09-07T12:00');
    const tickets = [
      ticket('2026-09-01T09:00', { status: 'assigned', firstResponseAt: iso('2026-09-01T10:00') }), // within 4 h
      ticket('2026-09-01T09:00', { status: 'assigned', firstResponseAt: iso('2026-09-02T10:00') }), // late
      ticket('2026-09-01T09:00'), // unanswered and overdue: a miss
      ticket('2026-09-07T11:00'), // unanswered, not yet due: undecided
      ticket('2026-09-01T09:00', { status: 'closed', urgency: 'high', firstResponseAt: iso('2026-09-01T09:30'), resolvedAt: iso('2026-09-01T15:00'), rating: 4 }),
    ];
    const september = month(computeDeskMetrics(input({ tickets, now })), '2026-09');
    expect(september.firstResponse).toMatchObject({ count: 3, slaDecided: 4, withinSla: 2, withinSlaPercent: 50 });
    // Resolution: the high one in time; the other four are open: overdue by now for the 9/1 medium ones (24 h), not for 9/7.
    expect(september.resolution).toMatchObject({ count: 1, slaDecided: 4, withinSla: 1, withinSlaPercent: 25, medianBusinessHours: 6 });
  });

  it('when requesters rate, then the distribution counts each rating and the mean is to two decimals', () => {
    const tickets = [5, 5, 4, 2, 1, 4].map((rating) => ticket('2026-10-05T10:00', { status: 'closed', rating }));
    const october = month(computeDeskMetrics(input({ tickets })), '2026-10');
    expect(october.satisfaction).toEqual({ distribution: [1, 1, 0, 2, 2], rated: 6, mean: 3.5 });
  });

  it('when the FAQ answered by month, then each month has its self-service rate and the top entries are ranked over the year', () => {
    const faqMonths: FaqMonthCounts[] = [
      { month: '2026-05', shown: 8, resolved: 2, resolvedByEntry: { 'desk-what': 2 } },
      { month: '2026-06', shown: 3, resolved: 3, resolvedByEntry: { 'desk-what': 1, 'kintone-what': 2, 'rpa-what': 2 } },
      { month: '2026-03', shown: 100, resolved: 100, resolvedByEntry: { 'old-year': 100 } },
    ];
    const metrics = computeDeskMetrics(input({ faqMonths, topN: 2, faqQuestion: (id) => (id === 'desk-what' ? { ja: '相談窓口は？', en: 'Where is the desk?' } : undefined) }));
    expect(month(metrics, '2026-05').faq).toEqual({ shown: 8, resolved: 2, selfServicePercent: 25 });
    expect(month(metrics, '2026-06').faq.selfServicePercent).toBe(100);
    expect(metrics.year.faq).toEqual({ shown: 11, resolved: 5, selfServicePercent: 45.5 });
    expect(metrics.topFaqEntries).toEqual([
      { id: 'desk-what', question: { ja: '相談窓口は？', en: 'Where is the desk?' }, resolved: 3 },
      { id: 'kintone-what', question: undefined, resolved: 2 },
    ]);
  });

  it('when the year is exported, then the CSV has a BOM, Japanese headers, one row per month and the year, and formula-like text is defused', () => {
    const metrics = computeDeskMetrics(
      input({
        tickets: [ticket('2026-04-13T10:00', { status: 'closed', firstResponseAt: iso('2026-04-13T11:00'), resolvedAt: iso('2026-04-13T15:00'), rating: 4 })],
        faqMonths: [{ month: '2026-04', shown: 4, resolved: 1, resolvedByEntry: { 'x-1': 1 } }],
        faqQuestion: () => ({ ja: '=HYPERLINK("http://evil")', en: 'x' }),
      }),
    );
    const csv = deskMetricsCsv(metrics, 'ja');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { relax_column_count: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['年月', '相談件数', 'ツール活用（RPA/kintone等）', '業務改善（BPR）']);
    expect(rows[0]).toContain('初回応答時間の中央値(業務時間)');
    expect(rows[0]).toContain('FAQ自己解決率(%)');
    expect(rows[1]![0]).toBe('2026-04');
    expect(rows[1]![1]).toBe('1');
    expect(rows[1]![rows[0]!.indexOf('初回応答時間の中央値(業務時間)')]).toBe('1');
    expect(rows[1]![rows[0]!.indexOf('解決時間の中央値(業務時間)')]).toBe('5');
    expect(rows[1]![rows[0]!.indexOf('FAQ自己解決率(%)')]).toBe('25');
    expect(rows[13]![0]).toBe('2026年度計');
    expect(rows.find((row) => row[1] === 'x-1')![2]).toBe(`'=HYPERLINK("http://evil")`);
  });
});
