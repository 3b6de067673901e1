import { Badge, Button, Card, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { createApiClient } from '../../api/client';
import type { DeliveryCountsView, ReportView } from '../../api/news';
import { attempt, saveFile, formatJst, useLoad } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

/** How often an open report is refreshed while the admin watches it. */
const POLL_MS = 3_000;
const COUNT_KEYS = ['total', 'sent', 'queued', 'sending', 'retrying', 'failed', 'unreachable', 'noReference'] as const satisfies readonly (keyof DeliveryCountsView)[];
// Not a state: recipients whose send a restart cut off (they may have the message twice), shown beside the states.
const REPORT_KEYS = [...COUNT_KEYS, 'inDoubt'] as const satisfies readonly (keyof DeliveryCountsView)[];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0 },
  count: { display: 'flex', flexDirection: 'column' },
  tableWrap: { overflowX: 'auto' },
});

/** Every broadcast (news, digests, reminders, survey invitations) with its live delivery report and CSV. */
export function AdminBroadcasts(props: { locale: Locale; api: Api; onError: (message: string) => void; revision: number }) {
  const styles = useStyles();
  const { locale, api, onError, revision } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  // The revision (a send from the compose form) is a reason to reload the list, not an input of the loader.
  const loadList = useMemo(() => () => api.admin.broadcasts(), [api, revision]);
  const { data: broadcasts, reload } = useLoad(loadList, onError);
  const [selected, setSelected] = useState<string | undefined>();
  const [report, setReport] = useState<ReportView | undefined>();

  // The report is read first: reading it is what records a finished broadcast as completed for the list.
  const refresh = useCallback(async () => {
    if (!selected) return;
    setReport(await api.admin.broadcastReport(selected));
    await reload();
  }, [api, selected, reload]);
  const finished = report?.broadcast?.id === selected && report?.broadcast?.state === 'completed';
  useEffect(() => {
    if (!selected) return;
    void attempt(refresh, onError);
  }, [selected, refresh, onError]);
  useEffect(() => {
    if (!selected || finished) return;
    const timer = setInterval(() => void refresh().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [selected, finished, refresh]);

  const download = (broadcastId: string) =>
    attempt(async () => saveFile(await api.admin.exportBroadcastReport(broadcastId)), onError);

  return (
    <section aria-labelledby="broadcasts-heading" className={styles.stack}>
      <Subtitle2 as="h3" id="broadcasts-heading">
        {t('broadcastsHeading')}
      </Subtitle2>
      {broadcasts && broadcasts.length === 0 && <Text>{t('broadcastsNone')}</Text>}
      <ul className={styles.list}>
        {(broadcasts ?? []).map((broadcast) => (
          <li key={broadcast.id}>
            <Card data-testid={`broadcast-${broadcast.id}`}>
              <div className={styles.row}>
                <Text>
                  <Text weight="semibold">{broadcast.title}</Text> {formatJst(broadcast.createdAt, locale)} · {t('count_total')} {broadcast.recipientCount}
                  {broadcast.counts && ` · ${t('count_sent')} ${broadcast.counts.sent}`}
                </Text>
                <Badge appearance="tint" color={broadcast.state === 'completed' ? 'success' : 'warning'}>
                  {t(`broadcastState_${broadcast.state}`)}
                </Badge>
                {broadcast.waitingNotice && (
                  <Text size={200} weight="semibold" data-testid={`broadcast-waiting-${broadcast.id}`}>
                    {broadcast.waitingNotice}
                  </Text>
                )}
                <div className={styles.row}>
                  <Button size="small" onClick={() => setSelected(broadcast.id)} aria-expanded={selected === broadcast.id} data-testid={`broadcast-report-${broadcast.id}`}>
                    {t('broadcastReport')}
                  </Button>
                  <Button size="small" onClick={() => void download(broadcast.id)} data-testid={`broadcast-csv-${broadcast.id}`}>
                    {t('broadcastCsv')}
                  </Button>
                </div>
              </div>
              {selected === broadcast.id && report?.counts && (
                <div className={styles.stack} data-testid="broadcast-report">
                  <dl className={styles.counts}>
                    {REPORT_KEYS.map((key) => (
                      <div key={key} className={styles.count}>
                        <dt>
                          <Text size={200}>{t(`count_${key}`)}</Text>
                        </dt>
                        <dd style={{ margin: 0 }} data-testid={`report-count-${key}`}>
                          <Text weight="semibold">{report.counts?.[key]}</Text>
                        </dd>
                      </div>
                    ))}
                  </dl>
                  {report.broadcast?.state !== 'completed' && <Text size={200}>{t('reportLive')}</Text>}
                  {(report.rows ?? []).length > 0 && (
                    <div className={styles.tableWrap}>
                      <Table size="small" aria-label={t('broadcastReport')}>
                        <TableHeader>
                          <TableRow>
                            <TableHeaderCell>{t('reportName')}</TableHeaderCell>
                            <TableHeaderCell>{t('reportState')}</TableHeaderCell>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {(report.rows ?? []).map((row) => (
                            <TableRow key={row.employeeId}>
                              <TableCell>{row.displayName || row.employeeId}</TableCell>
                              <TableCell>
                                {t(`count_${row.state === 'no-reference' ? 'noReference' : (row.state as Exclude<(typeof COUNT_KEYS)[number], 'total' | 'noReference'>)}`)}
                                {row.reason && row.state !== 'no-reference' ? ` (${row.reason})` : ''}
                              </TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </div>
                  )}
                  {(report.moreRows ?? 0) > 0 && <Text size={200}>{t('reportRowsMore', { n: report.moreRows ?? 0 })}</Text>}
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
