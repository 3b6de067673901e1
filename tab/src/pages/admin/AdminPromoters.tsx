import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { createApiClient } from '../../api/client';
import { Section } from '../../components/Section/Section';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import type { Locale } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  inline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  scroll: { overflowX: 'auto', maxHeight: '360px', overflowY: 'auto' },
  wide: { minWidth: '240px' },
});

/** This page's words, Japanese first with the English twin (Teams' locale picks). */
const TEXT = {
  heading: { ja: 'DX推進委員の任命', en: 'DX promoters' },
  intro: {
    ja: '課ごとに1名、その課に在籍する職員からDX推進委員を任命します。任命・解除はすべて変更履歴に残ります。',
    en: 'Appoint one DX promoter per section from the staff of that section. Every appointment and removal is kept in the change log.',
  },
  open: { ja: '任命と変更履歴を表示', en: 'Show appointments and change log' },
  section: { ja: '課', en: 'Section' },
  search: { ja: '氏名で検索', en: 'Search by name' },
  person: { ja: '職員', en: 'Person' },
  choose: { ja: '選んでください', en: 'Choose' },
  assign: { ja: '任命', en: 'Appoint' },
  remove: { ja: '解除', en: 'Remove' },
  current: { ja: '現在のDX推進委員', en: 'Current DX promoter' },
  none: { ja: '(未任命)', en: '(none)' },
  noMatch: { ja: '該当する職員がいません', en: 'No one matches' },
  assigned: { ja: 'DX推進委員を任命しました', en: 'The DX promoter is appointed' },
  removed: { ja: 'DX推進委員を解除しました', en: 'The DX promoter is removed' },
  audit: { ja: '変更履歴(名簿の取込・権限の変更)', en: 'Change log (roster imports and role changes)' },
  when: { ja: '日時', en: 'When' },
  who: { ja: '変更した人', en: 'By' },
  what: { ja: '内容', en: 'Change' },
  detail: { ja: '詳細', en: 'Detail' },
} as const;

const ACTIONS: Record<string, { ja: string; en: string }> = {
  'roster-import': { ja: '職員名簿の取込', en: 'Roster import' },
  'role-granted': { ja: '権限の付与', en: 'Role granted' },
  'role-revoked': { ja: '権限の取消', en: 'Role revoked' },
  'promoter-assigned': { ja: 'DX推進委員の任命', en: 'DX promoter appointed' },
  'promoter-unassigned': { ja: 'DX推進委員の解除', en: 'DX promoter removed' },
};

/** DX推進委員 per 課 (デジタル推進課): pick a 課, find a member of it by name, appoint or remove; the audit log below. */
export function AdminPromoters(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: keyof typeof TEXT) => TEXT[key][locale];
  // Opened on demand: 管理 already asks for a dozen things at once, and this section is rarely needed, so opening
  // the page costs the server nothing more than before.
  const [visible, setVisible] = useState(false);
  const { data: sections, reload } = useLoad(useCallback(() => (visible ? api.admin.promoters() : Promise.resolve(undefined)), [api, visible]), onError);
  const { data: audit, reload: reloadAudit } = useLoad(useCallback(() => (visible ? api.admin.directoryAudit() : Promise.resolve(undefined)), [api, visible]), onError);
  const [departmentId, setDepartmentId] = useState('');
  const [search, setSearch] = useState('');
  const [staffNumber, setStaffNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const section = sections?.find((candidate) => candidate.department.id === departmentId);
  const matches = useMemo(() => {
    const wanted = search.normalize('NFKC').replace(/\s+/g, '');
    return (section?.candidates ?? []).filter((candidate) => candidate.name.normalize('NFKC').replace(/\s+/g, '').includes(wanted));
  }, [section, search]);

  const change = async (chosen: string | null) => {
    if (!section) return;
    setBusy(true);
    const done = await attempt(() => api.admin.assignPromoter(section.department.id, chosen), onError);
    if (done) {
      onNotice(chosen ? t('assigned') : t('removed'));
      setStaffNumber('');
      await Promise.all([reload(), reloadAudit()]);
    }
    setBusy(false);
  };

  if (!visible)
    return (
      <Section id="promoters" title={t('heading')}>
        <div className={styles.form}>
          <Text>{t('intro')}</Text>
          <div>
            <Button data-testid="promoters-open" onClick={() => setVisible(true)}>
              {t('open')}
            </Button>
          </div>
        </div>
      </Section>
    );
  return (
    <Section id="promoters" title={t('heading')}>
      <div className={styles.form}>
        <Text>{t('intro')}</Text>
        <div className={styles.inline}>
          <Field label={t('section')} className={styles.wide}>
            <Select
              data-testid="promoter-section"
              value={departmentId}
              onChange={(_event, data) => {
                setDepartmentId(data.value);
                setStaffNumber('');
                setSearch('');
              }}
            >
              <option value="">{t('choose')}</option>
              {(sections ?? []).map((candidate) => (
                <option key={candidate.department.id} value={candidate.department.id}>
                  {candidate.department.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('search')}>
            <Input data-testid="promoter-search" value={search} disabled={!section} onChange={(_event, data) => setSearch(data.value)} />
          </Field>
          <Field label={t('person')} className={styles.wide} validationMessage={section && matches.length === 0 ? t('noMatch') : undefined} validationState="none">
            <Select data-testid="promoter-person" value={staffNumber} disabled={!section || matches.length === 0} onChange={(_event, data) => setStaffNumber(data.value)}>
              <option value="">{t('choose')}</option>
              {matches.map((candidate) => (
                <option key={candidate.staffNumber} value={candidate.staffNumber}>
                  {candidate.name} ({candidate.staffNumber})
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" data-testid="promoter-assign" disabled={busy || !section || !staffNumber} onClick={() => void change(staffNumber)}>
            {t('assign')}
          </Button>
          <Button data-testid="promoter-remove" disabled={busy || !section?.promoter} onClick={() => void change(null)}>
            {t('remove')}
          </Button>
        </div>
        <div className={styles.scroll}>
          <Table size="small" data-testid="promoter-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('section')}</TableHeaderCell>
                <TableHeaderCell>{t('current')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(sections ?? []).map((row) => (
                <TableRow key={row.department.id} data-testid={`promoter-row-${row.department.id}`}>
                  <TableCell>{row.department.name}</TableCell>
                  <TableCell>{row.promoter ? `${row.promoter.name} (${row.promoter.staffNumber})` : t('none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <Text weight="semibold">{t('audit')}</Text>
        <div className={styles.scroll}>
          <Table size="small" data-testid="directory-audit">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('when')}</TableHeaderCell>
                <TableHeaderCell>{t('who')}</TableHeaderCell>
                <TableHeaderCell>{t('what')}</TableHeaderCell>
                <TableHeaderCell>{t('detail')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(audit ?? []).map((entry, index) => (
                <TableRow key={`${entry.at}-${index}`}>
                  <TableCell>{formatJst(entry.at, locale)}</TableCell>
                  <TableCell>{entry.actorName}</TableCell>
                  <TableCell>{ACTIONS[entry.action]?.[locale] ?? entry.action}</TableCell>
                  <TableCell>{entry.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </Section>
  );
}
