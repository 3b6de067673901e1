import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSULTATION_CATEGORY_LABELS } from '../../../../bot/src/features/consultation/domain/categories.js';
import type { createApiClient } from '../../api/client';
import type { FaqEntryView, FaqHistoryView } from '../../api/faq';
import { emptyFaqForm, FaqEditor, faqFormOf } from '../../components/FaqEditor/FaqEditor';
import { Section } from '../../components/Section/Section';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import { faqText } from '../../i18n/faq-messages';
import type { Locale } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxHeight: '480px', overflowY: 'auto' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  title: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0, flex: '1 1 320px', overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  history: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  change: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS },
});

const ROWS_FIRST_SHOWN = 10;

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** 管理 → FAQ: the entries the bot answers from, edited, retired and restored here, each with its history. */
export function AdminFaq(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const f = (key: Parameters<typeof faqText>[1], values?: Record<string, string | number>) => faqText(locale, key, values);
  const { data, reload } = useLoad(api.faq.list, onError);
  const [editing, setEditing] = useState<{ entry?: FaqEntryView; key: number } | undefined>();
  const [history, setHistory] = useState<{ entry: FaqEntryView; items: FaqHistoryView } | undefined>();
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const entries = data?.entries ?? [];
  const live = entries.filter((entry) => entry.status === 'active').length;
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? entries.filter((entry) => [entry.question.ja, entry.question.en, entry.answer.ja, ...entry.keywords].some((text) => text.toLowerCase().includes(needle)))
    : entries;
  // The first rows only until asked: the 管理 page renders every section at once, and dozens of rows of buttons
  // would slow it for every admin who came for something else.
  const listed = showAll || needle ? shown : shown.slice(0, ROWS_FIRST_SHOWN);

  const toggle = async (entry: FaqEntryView) => {
    const done = await attempt(() => (entry.status === 'active' ? api.faq.retire(entry.id, entry.version) : api.faq.restore(entry.id, entry.version)), onError);
    if (done) onNotice(f(entry.status === 'active' ? 'retired' : 'restored'));
    await reload();
  };
  const showHistory = (entry: FaqEntryView) => attempt(async () => setHistory({ entry, items: await api.faq.history(entry.id) }), onError);

  return (
    <Section id="admin-faq" title={f('heading')} headerEnd={<Button onClick={() => setEditing({ key: Date.now() })} data-testid="faq-new">{f('newEntry')}</Button>}>
      <div className={styles.stack}>
        <Text size={200}>{f('intro')}</Text>
        {data && <Text size={200}>{f('count', { active: live, retired: entries.length - live })}</Text>}
        {editing && (
          <Section id="faq-editing" title={editing.entry ? f('editing', { question: editing.entry.question.ja }) : f('creating')} bare>
            <FaqEditor
              key={editing.key}
              locale={locale}
              api={api}
              initial={editing.entry ? faqFormOf(editing.entry) : emptyFaqForm}
              entry={editing.entry}
              onSaved={async () => {
                setEditing(undefined);
                await reload();
              }}
              onCancel={() => setEditing(undefined)}
              onError={onError}
              onNotice={onNotice}
            />
          </Section>
        )}
        {history && (
          <Section id="faq-history" title={f('historyHeading', { question: history.entry.question.ja })} headerEnd={<Button onClick={() => setHistory(undefined)}>{f('close')}</Button>} bare>
            <ul className={styles.history} data-testid="faq-history">
              {history.items.map((item) => (
                <li key={item.version}>
                  <Text weight="semibold">
                    {formatJst(item.at, locale)} {item.actorName} — {f(`action_${item.action}`)}
                  </Text>
                  {item.action !== 'seed' &&
                    item.changes.map((change) => (
                      <div key={change.field} className={styles.change}>
                        <Text size={200} weight="semibold" block>
                          {f(`field_${change.field}`)}
                        </Text>
                        <Text size={200} block>
                          {f('before')}: {shorten(change.before) || f('empty')}
                        </Text>
                        <Text size={200} block>
                          {f('after')}: {shorten(change.after) || f('empty')}
                        </Text>
                      </div>
                    ))}
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Field label={f('filter')}>
          <Input value={filter} onChange={(_event, change) => setFilter(change.value)} data-testid="faq-filter" />
        </Field>
        <ul className={styles.list} data-testid="faq-entries">
          {listed.map((entry) => (
            <li key={entry.id} className={styles.row} data-testid={`faq-entry-${entry.id}`}>
              <span className={styles.title}>
                <Badge appearance="tint" color={entry.status === 'active' ? 'success' : 'subtle'}>
                  {f(entry.status === 'active' ? 'statusActive' : 'statusRetired')}
                </Badge>
                <Text weight="semibold">{entry.question.ja}</Text>
                <Text size={200}>
                  {CONSULTATION_CATEGORY_LABELS[entry.category][locale]} · {f('updated', { at: formatJst(entry.updatedAt, locale) })}
                </Text>
              </span>
              <span className={styles.buttons}>
                <Button size="small" onClick={() => setEditing({ entry, key: Date.now() })} data-testid={`faq-edit-${entry.id}`}>
                  {f('edit')}
                </Button>
                <Button size="small" onClick={() => void showHistory(entry)} data-testid={`faq-history-${entry.id}`}>
                  {f('history')}
                </Button>
                <Button size="small" appearance="subtle" onClick={() => void toggle(entry)} data-testid={`faq-toggle-${entry.id}`}>
                  {f(entry.status === 'active' ? 'retire' : 'restore')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
        {listed.length < shown.length && (
          <Button appearance="subtle" onClick={() => setShowAll(true)} data-testid="faq-show-all">
            {f('showAll', { n: shown.length })}
          </Button>
        )}
      </div>
    </Section>
  );
}
