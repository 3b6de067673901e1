import { Button, Card, Field, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS, type ConsultationCategory } from '../../../../bot/src/features/consultation/domain/categories.js';
import type { createApiClient } from '../../api/client';
import type { DeskMetricsView, DeskPeriodView } from '../../api/desk-metrics';
import { Section } from '../../components/Section/Section';
import { attempt, saveFile, useLoad } from '../../hooks/use-load';
import { deskMetricsText, type DeskMetricsMessageKey } from '../../i18n/desk-metrics-messages';
import type { Locale } from '../../i18n/messages';

type Text = (key: DeskMetricsMessageKey, values?: Record<string, string | number>) => string;

/** One colour per category, from Fluent's palette (tokens follow the light, dark and high-contrast themes). */
const CATEGORY_COLOURS: Record<ConsultationCategory, string> = {
  tool: tokens.colorPaletteBlueBorderActive,
  bpr: tokens.colorPaletteDarkOrangeBorderActive,
  data: tokens.colorPaletteTealBorderActive,
  security: tokens.colorPaletteRedBorderActive,
  procurement: tokens.colorPalettePurpleBorderActive,
  ai: tokens.colorPaletteMarigoldBorderActive,
  other: tokens.colorPaletteSteelBorderActive,
};

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', margin: 0 },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  chart: { width: '100%', height: 'auto', maxWidth: '880px', display: 'block' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyle: 'none', padding: 0, margin: 0 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle', borderRadius: tokens.borderRadiusSmall },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'right', whiteSpace: 'nowrap' },
    '& th:first-child, & td:first-child': { textAlign: 'left' },
    '& tfoot td': { fontWeight: tokens.fontWeightSemibold },
  },
  split: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  bars: { display: 'grid', gridTemplateColumns: 'max-content 1fr max-content', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  track: { height: '14px', backgroundColor: tokens.colorNeutralBackground4, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusSmall },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  top: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const monthNumber = (month: string) => Number(month.slice(5, 7));
const hours = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(1));
const share = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)}%`);

/** Requests per month as stacked bars by category; the same figures are in the table, so the chart is never the only place. */
function MonthlyChart(props: { locale: Locale; months: DeskMetricsView['months']; text: Text }) {
  const styles = useStyles();
  const { months, text, locale } = props;
  const width = 720;
  const height = 240;
  const left = 40;
  const bottom = 28;
  const top = 20;
  const plotHeight = height - top - bottom;
  const largest = Math.max(1, ...months.map((month) => month.requests));
  const step = Math.max(1, Math.ceil(largest / 4));
  const axisMax = step * 4;
  const slot = (width - left - 8) / months.length;
  const barWidth = slot * 0.6;
  const y = (value: number) => top + plotHeight - (value / axisMax) * plotHeight;
  const label = { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase };
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height}`} className={styles.chart} role="img" aria-label={text('chartLabel')} data-testid="desk-metrics-chart">
        {[0, 1, 2, 3, 4].map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - 8} y1={y(tick * step)} y2={y(tick * step)} style={{ stroke: tokens.colorNeutralStroke2, strokeWidth: 1 }} />
            <text x={left - 6} y={y(tick * step) + 4} textAnchor="end" style={label}>
              {tick * step}
            </text>
          </g>
        ))}
        {months.map((month, index) => {
          const x = left + index * slot + (slot - barWidth) / 2;
          let stacked = 0;
          return (
            <g key={month.month} data-testid={`desk-metrics-bar-${month.month}`}>
              {CONSULTATION_CATEGORIES.filter((category) => (month.byCategory[category] ?? 0) > 0).map((category) => {
                const count = month.byCategory[category] ?? 0;
                const rect = <rect key={category} x={x} width={barWidth} y={y(stacked + count)} height={y(stacked) - y(stacked + count)} style={{ fill: CATEGORY_COLOURS[category] }} />;
                stacked += count;
                return rect;
              })}
              {month.requests > 0 && (
                <text x={x + barWidth / 2} y={y(month.requests) - 5} textAnchor="middle" style={{ ...label, fill: tokens.colorNeutralForeground1, fontWeight: 600 }}>
                  {month.requests}
                </text>
              )}
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" style={label}>
                {text('month', { month: locale === 'ja' ? monthNumber(month.month) : month.month })}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {CONSULTATION_CATEGORIES.map((category) => (
          <li key={category}>
            <span className={styles.swatch} style={{ backgroundColor: CATEGORY_COLOURS[category] }} aria-hidden="true" />
            <Text size={200}>{CONSULTATION_CATEGORY_LABELS[category][locale]}</Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function periodCells(period: DeskPeriodView, text: Text) {
  const { firstResponse, resolution, satisfaction, faq } = period;
  return (
    <>
      <td>{period.requests}</td>
      <td>
        {hours(firstResponse.medianBusinessHours)} / {hours(firstResponse.medianCalendarHours)}
      </td>
      <td>
        {hours(resolution.medianBusinessHours)} / {hours(resolution.medianCalendarHours)}
      </td>
      <td>{share(firstResponse.withinSlaPercent)}</td>
      <td>{share(resolution.withinSlaPercent)}</td>
      <td>
        {satisfaction.mean === undefined ? text('none') : satisfaction.mean.toFixed(2)} ({satisfaction.rated})
      </td>
      <td>
        {share(faq.selfServicePercent)} ({faq.resolved}/{faq.shown})
      </td>
    </>
  );
}

/** 管理 → 相談の分析: the desk's monthly figures of a fiscal year, a chart, the table, ratings, top FAQ entries and a CSV. */
export function AdminDeskMetrics(props: { locale: Locale; api: ReturnType<typeof createApiClient>; onError: (message: string) => void }) {
  const styles = useStyles();
  const { api, onError, locale } = props;
  const text: Text = (key, values) => deskMetricsText(locale, key, values);
  const [year, setYear] = useState<number | undefined>();
  const load = useCallback(() => api.admin.deskMetrics(year), [api, year]);
  const { data } = useLoad(load, onError);
  const summary = data?.year;
  const largestRating = Math.max(1, ...(summary?.satisfaction.distribution ?? []));
  return (
    <Section
      id="admin-desk-metrics"
      title={text('heading')}
      bare
      headerEnd={
        data && (
          <div className={styles.row}>
            <Button onClick={() => void attempt(async () => saveFile(await api.admin.exportDeskMetrics(data.fiscalYear)), onError)} data-testid="desk-metrics-export">
              {text('exportCsv')}
            </Button>
            <Field label={text('year')} orientation="horizontal">
              <Select value={String(data.fiscalYear)} onChange={(_event, value) => setYear(Number(value.value))} data-testid="desk-metrics-year">
                {data.years.map((option) => (
                  <option key={option} value={option}>
                    {text('fiscalYear', { year: option })}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )
      }
    >
      <Card className={styles.stack} data-testid="desk-metrics">
        <Text size={200}>{text('intro')}</Text>
        {data && summary && (
          <>
            <dl className={styles.figures} data-testid="desk-metrics-summary">
              {[
                ['requests', String(summary.requests), ''],
                ['firstResponse', text('businessHours', { value: hours(summary.firstResponse.medianBusinessHours) }), text('calendarHours', { value: hours(summary.firstResponse.medianCalendarHours) })],
                ['resolution', text('businessHours', { value: hours(summary.resolution.medianBusinessHours) }), text('calendarHours', { value: hours(summary.resolution.medianCalendarHours) })],
                ['firstWithinSla', share(summary.firstResponse.withinSlaPercent), text('ofDecided', { within: summary.firstResponse.withinSla, decided: summary.firstResponse.slaDecided })],
                ['resolutionWithinSla', share(summary.resolution.withinSlaPercent), text('ofDecided', { within: summary.resolution.withinSla, decided: summary.resolution.slaDecided })],
                ['satisfaction', summary.satisfaction.mean === undefined ? text('none') : summary.satisfaction.mean.toFixed(2), text('rated', { n: summary.satisfaction.rated })],
                ['selfService', share(summary.faq.selfServicePercent), text('faqCounts', { resolved: summary.faq.resolved, shown: summary.faq.shown })],
              ].map(([key, value, detail]) => (
                <div key={key} className={styles.figure} data-testid={`desk-metrics-${key}`}>
                  <dt>
                    <Text size={200}>{text(key as DeskMetricsMessageKey)}</Text>
                  </dt>
                  <dd style={{ margin: 0 }} className={styles.value}>
                    {value}
                  </dd>
                  {detail && (
                    <dd style={{ margin: 0 }}>
                      <Text size={200}>{detail}</Text>
                    </dd>
                  )}
                </div>
              ))}
            </dl>
            <Subtitle2 as="h3">{text('chartHeading')}</Subtitle2>
            <MonthlyChart locale={locale} months={data.months} text={text} />
            <Subtitle2 as="h3">{text('tableHeading')}</Subtitle2>
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="desk-metrics-table">
                <thead>
                  <tr>
                    <th scope="col">{text('colMonth')}</th>
                    <th scope="col">{text('requests')}</th>
                    <th scope="col">{text('colFirst')}</th>
                    <th scope="col">{text('colResolution')}</th>
                    <th scope="col">{text('colFirstSla')}</th>
                    <th scope="col">{text('colResolutionSla')}</th>
                    <th scope="col">{text('colSatisfaction')}</th>
                    <th scope="col">{text('colFaq')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.months.map((month) => (
                    <tr key={month.month} data-testid={`desk-metrics-row-${month.month}`}>
                      <td>{month.month}</td>
                      {periodCells(month, text)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-testid="desk-metrics-row-year">
                    <td>{text('yearTotal')}</td>
                    {periodCells(summary, text)}
                  </tr>
                </tfoot>
              </table>
            </div>
            <Text size={200}>
              {text('slaNote', { first: data.sla.firstResponseHours, high: data.sla.resolutionHours.high, medium: data.sla.resolutionHours.medium, low: data.sla.resolutionHours.low })}
            </Text>
            <div className={styles.split}>
              <div>
                <Subtitle2 as="h3">{text('distributionHeading')}</Subtitle2>
                <dl className={styles.bars} data-testid="desk-metrics-distribution">
                  {summary.satisfaction.distribution.map((count, index) => (
                    <div key={index} style={{ display: 'contents' }}>
                      <dt>
                        <Text size={200}>{text('ratingLabel', { n: index + 1 })}</Text>
                      </dt>
                      <dd style={{ margin: 0 }} className={styles.track} aria-hidden="true">
                        <div className={styles.bar} style={{ width: `${(count / largestRating) * 100}%` }} />
                      </dd>
                      <dd style={{ margin: 0 }}>
                        <Text size={200}>{count}</Text>
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
              <div>
                <Subtitle2 as="h3">{text('topHeading')}</Subtitle2>
                {data.topFaqEntries.length === 0 ? (
                  <Text size={200}>{text('topNone')}</Text>
                ) : (
                  <ol className={styles.top} data-testid="desk-metrics-top-faq">
                    {data.topFaqEntries.map((entry) => (
                      <li key={entry.id}>
                        <Text size={200}>
                          {entry.question?.[locale] ?? entry.id} <Text weight="semibold">{text('times', { n: entry.resolved })}</Text>
                        </Text>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </div>
          </>
        )}
      </Card>
    </Section>
  );
}
