import { Button, Card, ProgressBar, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { createApiClient } from '../../api/client';
import { formatJst, useLoad } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  tableWrap: { overflowX: 'auto' },
  names: { color: tokens.colorNeutralForeground2 },
});

type Props = { locale: Locale; api: Api; onError: (message: string) => void; revision: number };

/**
 * 確認状況: for each sent item that asks for 「確認しました」, confirmed / not yet per department, with names (admins).
 * Read when the admin opens it: the 管理 page already asks for a dozen things at once.
 */
export function AdminNewsConfirmations(props: Props) {
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const t = (key: MessageKey) => translate(props.locale, key);
  return (
    <section aria-labelledby="confirmations-heading" className={styles.stack} data-testid="news-confirmations">
      <Subtitle2 as="h3" id="confirmations-heading">
        {t('confirmationsHeading')}
      </Subtitle2>
      {shown ? (
        <ConfirmationReports {...props} />
      ) : (
        <Button onClick={() => setShown(true)} data-testid="news-confirmations-show" style={{ alignSelf: 'flex-start' }}>
          {t('confirmationsShow')}
        </Button>
      )}
    </section>
  );
}

function ConfirmationReports(props: Props) {
  const styles = useStyles();
  const { locale, api, onError, revision } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  // A send from the compose form is a reason to reload, not an input of the loader.
  const load = useMemo(() => () => api.admin.newsConfirmations(), [api, revision]);
  const { data: reports } = useLoad(load, onError);
  const listSeparator = locale === 'ja' ? '、' : ', ';

  return (
    <>
      {reports && reports.length === 0 && <Text>{t('confirmationsNone')}</Text>}
      <ul className={styles.list}>
        {(reports ?? []).map((report) => (
          <li key={report.newsId}>
            <Card data-testid={`confirmation-report-${report.newsId}`}>
              <Text weight="semibold">
                {report.title} {report.publishedAt && <Text size={200}>{formatJst(report.publishedAt, locale)}</Text>}
              </Text>
              <Text data-testid={`confirmation-summary-${report.newsId}`}>
                {t('confirmationsSummary', { confirmed: report.confirmed, total: report.total, notYet: report.notYet, days: report.followUpDays })}
              </Text>
              <ProgressBar value={report.total === 0 ? 0 : report.confirmed / report.total} thickness="large" aria-label={t('confirmationsConfirmed')} />
              <div className={styles.tableWrap}>
                <Table size="small" aria-label={t('confirmationsHeading')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('confirmationsDepartment')}</TableHeaderCell>
                      <TableHeaderCell>{t('confirmationsConfirmed')}</TableHeaderCell>
                      <TableHeaderCell>{t('confirmationsNotYet')}</TableHeaderCell>
                      <TableHeaderCell>{t('confirmationsTotal')}</TableHeaderCell>
                      <TableHeaderCell>{t('confirmationsNotYetNames')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {report.departments.map((row) => (
                      <TableRow key={row.departmentId} data-testid={`confirmation-row-${report.newsId}-${row.departmentId}`}>
                        <TableCell>{row.departmentName}</TableCell>
                        <TableCell>{row.confirmed}</TableCell>
                        <TableCell>{row.notYet}</TableCell>
                        <TableCell>{row.total}</TableCell>
                        <TableCell className={styles.names}>{(row.notYetNames ?? []).join(listSeparator)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
