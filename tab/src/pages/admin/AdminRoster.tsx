import { Badge, Button, Field, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { createApiClient } from '../../api/client';
import type { RosterImportView, StaffEntryView } from '../../api/directory';
import { Section } from '../../components/Section/Section';
import { attempt, jstDate, useLoad } from '../../hooks/use-load';
import type { Locale } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  inline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  scroll: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto' },
});

/** This page's words, Japanese first with the English twin (Teams' locale picks). */
const TEXT = {
  heading: { ja: '職員名簿', en: 'Staff directory' },
  intro: {
    ja: '人事課の人材マネジメントシステムから書き出したCSV(UTF-8 または Shift_JIS)を選び、プレビューで内容を確かめてから適用します。名簿にない職員は削除せず「退職扱い」にします。',
    en: "Choose the CSV exported from HR's system (UTF-8 or Shift_JIS), check the preview, then apply. People missing from the file are deactivated, never deleted.",
  },
  file: { ja: 'CSVファイル', en: 'CSV file' },
  effective: { ja: '異動の発令日', en: 'Transfers take effect' },
  today: { ja: '取込日', en: 'Today' },
  april: { ja: '4月1日', en: 'April 1' },
  preview: { ja: 'プレビュー', en: 'Preview' },
  apply: { ja: '適用', en: 'Apply' },
  added: { ja: '追加', en: 'Added' },
  changed: { ja: '変更', en: 'Changed' },
  transferred: { ja: '異動', en: 'Transferred' },
  deactivated: { ja: '退職扱い', en: 'Deactivated' },
  unchanged: { ja: '変更なし', en: 'Unchanged' },
  kind: { ja: '区分', en: 'Kind' },
  staffNumber: { ja: '職員番号', en: 'Staff no.' },
  name: { ja: '氏名', en: 'Name' },
  before: { ja: '変更前', en: 'Before' },
  after: { ja: '変更後', en: 'After' },
  line: { ja: '行', en: 'Line' },
  column: { ja: '列', en: 'Column' },
  problem: { ja: '内容', en: 'Problem' },
  errorsFound: { ja: 'エラーがあるため適用できません。すべての行を直してから取り込み直してください。', en: 'The file has errors and cannot be applied. Fix every line and upload it again.' },
  applied: { ja: '職員名簿を更新しました', en: 'The staff directory is updated' },
  mapping: { ja: '職層の対応表', en: 'Job level spellings' },
  encoding: { ja: '文字コード', en: 'Encoding' },
} as const;

const LEVEL: Record<StaffEntryView['jobLevel'], { ja: string; en: string }> = {
  general: { ja: '一般職', en: 'Staff' },
  chief: { ja: '係長級', en: 'Chief' },
  manager: { ja: '管理職', en: 'Manager' },
};
const STATUS: Record<StaffEntryView['status'], { ja: string; en: string }> = {
  active: { ja: '在籍', en: 'In post' },
  'on-leave': { ja: '休職', en: 'On leave' },
  left: { ja: '退職', en: 'Left' },
};

/** 4月1日 of the fiscal year that starts next (or this one, before April). */
function nextAprilFirst(): string {
  const today = jstDate(new Date());
  const year = Number(today.slice(0, 4));
  return today.slice(5) <= '04-01' ? `${year}-04-01` : `${year + 1}-04-01`;
}

/** 職員名簿 (デジタル推進課): HR's roster file in, a preview table of what it changes, then 適用. */
export function AdminRoster(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: keyof typeof TEXT) => TEXT[key][locale];
  const [file, setFile] = useState<File | undefined>();
  const [effective, setEffective] = useState<'today' | 'april'>('today');
  const [preview, setPreview] = useState<RosterImportView | undefined>();
  const [busy, setBusy] = useState(false);
  const { data: spellings } = useLoad(useCallback(() => api.admin.jobLevelSpellings(), [api]), onError);
  const placement = (entry: StaffEntryView) => `${entry.division} ${entry.section} / ${LEVEL[entry.jobLevel][locale]}`;
  const describe = (entry: StaffEntryView) => `${placement(entry)} / ${STATUS[entry.status][locale]} / ${entry.upn}`;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    await attempt(async () => {
      const result = await api.admin.importRoster(file, { dryRun, ...(effective === 'april' ? { effectiveDate: nextAprilFirst() } : {}) });
      setPreview(result);
      if (!dryRun && result.errors.length === 0) onNotice(`${t('applied')} (${t('added')} ${result.added.length} / ${t('transferred')} ${result.transferred.length} / ${t('deactivated')} ${result.deactivated.length})`);
    }, onError);
    setBusy(false);
  };

  const rows = preview
    ? [
        ...preview.added.map((entry) => ({ kind: 'added' as const, entry, before: '', after: describe(entry) })),
        ...preview.transferred.map(({ before, after }) => ({ kind: 'transferred' as const, entry: after, before: placement(before), after: placement(after) })),
        ...preview.changed.map(({ before, after }) => ({ kind: 'changed' as const, entry: after, before: describe(before), after: describe(after) })),
        ...preview.deactivated.map(({ before, after }) => ({ kind: 'deactivated' as const, entry: after, before: STATUS[before.status][locale], after: STATUS[after.status][locale] })),
      ]
    : [];

  return (
    <Section id="roster" title={t('heading')}>
      <div className={styles.form}>
        <Text>{t('intro')}</Text>
        <div className={styles.inline}>
          <Field label={t('file')}>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="roster-file"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setPreview(undefined);
              }}
            />
          </Field>
          <Field label={t('effective')}>
            <RadioGroup layout="horizontal" value={effective} onChange={(_event, data) => setEffective(data.value === 'april' ? 'april' : 'today')}>
              <Radio value="today" label={t('today')} />
              <Radio value="april" label={`${t('april')} (${nextAprilFirst()})`} data-testid="roster-effective-april" />
            </RadioGroup>
          </Field>
        </div>
        <div className={styles.inline}>
          <Button onClick={() => void run(true)} disabled={!file || busy} data-testid="roster-preview">
            {t('preview')}
          </Button>
          <Button appearance="primary" onClick={() => void run(false)} disabled={!file || busy || !preview?.dryRun || preview.errors.length > 0} data-testid="roster-apply">
            {t('apply')}
          </Button>
        </div>
        {preview && (
          <>
            <div className={styles.counts} data-testid="roster-counts">
              {(['added', 'transferred', 'changed', 'deactivated'] as const).map((kind) => (
                <Badge key={kind} appearance="tint" data-testid={`roster-count-${kind}`}>
                  {t(kind)} {preview[kind].length}
                </Badge>
              ))}
              <Badge appearance="outline" data-testid="roster-count-unchanged">
                {t('unchanged')} {preview.unchanged}
              </Badge>
              {preview.encoding && (
                <Text size={200}>
                  {t('encoding')}: {preview.encoding}
                </Text>
              )}
            </div>
            {preview.errors.length > 0 ? (
              <>
                <Text weight="semibold" data-testid="roster-errors-summary">
                  {t('errorsFound')}
                </Text>
                <div className={styles.scroll}>
                  <Table size="small" data-testid="roster-errors">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('line')}</TableHeaderCell>
                        <TableHeaderCell>{t('column')}</TableHeaderCell>
                        <TableHeaderCell>{t('problem')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {preview.errors.map((error, index) => (
                        <TableRow key={index}>
                          <TableCell>{error.line}</TableCell>
                          <TableCell>{error.column ?? ''}</TableCell>
                          <TableCell>{error.message}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            ) : (
              rows.length > 0 && (
                <div className={styles.scroll}>
                  <Table size="small" data-testid="roster-preview-table">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('kind')}</TableHeaderCell>
                        <TableHeaderCell>{t('staffNumber')}</TableHeaderCell>
                        <TableHeaderCell>{t('name')}</TableHeaderCell>
                        <TableHeaderCell>{t('before')}</TableHeaderCell>
                        <TableHeaderCell>{t('after')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows.map((row) => (
                        <TableRow key={`${row.kind}-${row.entry.staffNumber}`} data-testid={`roster-row-${row.entry.staffNumber}`}>
                          <TableCell>{t(row.kind)}</TableCell>
                          <TableCell>{row.entry.staffNumber}</TableCell>
                          <TableCell>{row.entry.name}</TableCell>
                          <TableCell>{row.before}</TableCell>
                          <TableCell>{row.after}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )
            )}
          </>
        )}
        {spellings && (
          <details>
            <summary>{t('mapping')}</summary>
            <Table size="small" data-testid="roster-job-levels">
              <TableBody>
                {spellings.map((level) => (
                  <TableRow key={level.jobLevel}>
                    <TableCell>{level.label}</TableCell>
                    <TableCell>{level.spellings.join('、')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </details>
        )}
      </div>
    </Section>
  );
}
