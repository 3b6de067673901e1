import { Badge, Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS } from '../../../../bot/src/features/consultation/domain/categories.js';
import { TICKET_STATUSES, TICKET_STATUS_LABELS, URGENCY_LABELS } from '../../../../bot/src/features/consultation/domain/tickets.js';
import type { createApiClient } from '../../api/client';
import type { QueueFilterInput, TicketActionInput, TicketDetailView } from '../../api/consultations';
import type { FaqDraftView } from '../../api/faq';
import { FaqEditor, faqFormOf } from '../../components/FaqEditor/FaqEditor';
import { Section } from '../../components/Section/Section';
import { SlaSettings } from '../../components/SlaSettings/SlaSettings';
import { StatusBadge, TicketDetail } from '../../components/TicketDetail/TicketDetail';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import { consultText } from '../../i18n/consult-messages';
import { faqText } from '../../i18n/faq-messages';
import type { Locale } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  title: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0, overflowWrap: 'anywhere' },
});

/** 相談窓口 for デジタル推進課: the queue with filters and counts, and every desk action on a ticket. */
export function AdminConsultations(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const c = (key: Parameters<typeof consultText>[1], values?: Record<string, string | number>) => consultText(locale, key, values);
  const [filter, setFilter] = useState<QueueFilterInput>({});
  const load = useMemo(() => () => api.consultations.admin.queue(filter), [api, filter]);
  const { data: queue, reload } = useLoad(load, onError);
  const { data: faq, reload: reloadFaq } = useLoad(api.consultations.admin.faqStatistics, onError);
  const { data: colleagues } = useLoad(api.consultations.admin.colleagues, onError);
  const { data: sla, reload: reloadSla } = useLoad(api.consultations.admin.slaSettings, onError);
  const saveSla = async (settings: Parameters<typeof api.consultations.admin.saveSlaSettings>[0]) => {
    const done = await attempt(() => api.consultations.admin.saveSlaSettings(settings), onError);
    if (done) {
      onNotice(c('slaSaved'));
      await Promise.all([reloadSla(), reload()]);
    }
    return done;
  };
  const [detail, setDetail] = useState<TicketDetailView | undefined>();
  const [draft, setDraft] = useState<FaqDraftView | undefined>();
  const open = useCallback(
    (ticketNumber: string) =>
      attempt(async () => {
        setDraft(undefined);
        setDetail(await api.consultations.admin.get(ticketNumber));
      }, onError),
    [api, onError],
  );
  // 「FAQにする」: the server drafts the entry (personal details removed); it is stored only when published.
  const makeFaq = (ticketNumber: string) => attempt(async () => setDraft(await api.faq.draftFromTicket(ticketNumber)), onError);
  const canMakeFaq = detail !== undefined && (detail.ticket.status === 'resolved' || detail.ticket.status === 'closed') && Boolean(detail.ticket.resolution);
  const act = async (input: TicketActionInput) => {
    if (!detail) return false;
    const done = await attempt(async () => setDetail(await api.consultations.admin.act(detail.ticket.number, input)), onError);
    if (done) onNotice(c('done', { number: detail.ticket.number }));
    else await open(detail.ticket.number);
    await Promise.all([reload(), reloadFaq()]);
    return done;
  };
  const choose = (name: keyof QueueFilterInput) => (_event: unknown, data: { value: string }) => setFilter((current) => ({ ...current, [name]: data.value || undefined }));
  const rate = faq && faq.shown > 0 ? `${((faq.resolved / faq.shown) * 100).toFixed(1)}%` : '—';

  return (
    <Section id="consult-desk" title={c('deskHeading')} bare>
      <div className={styles.stack}>
        <Text size={200}>{c('deskIntro')}</Text>
        {queue && (
          <div className={styles.counts} data-testid="consult-counts">
            <Badge appearance="outline">{c('total', { n: queue.total })}</Badge>
            {TICKET_STATUSES.map((status) => (
              <Badge key={status} appearance="tint" data-testid={`consult-count-${status}`}>
                {TICKET_STATUS_LABELS[status][locale]} {queue.counts.byStatus[status] ?? 0}
              </Badge>
            ))}
          </div>
        )}
        <div className={styles.filters}>
          <Field label={c('filterStatus')}>
            <Select value={filter.status ?? ''} onChange={choose('status')} data-testid="consult-filter-status">
              <option value="">{c('filterOpen')}</option>
              {TICKET_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {TICKET_STATUS_LABELS[status][locale]} ({queue?.counts.byStatus[status] ?? 0})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={c('filterCategory')}>
            <Select value={filter.category ?? ''} onChange={choose('category')} data-testid="consult-filter-category">
              <option value="">{c('filterAll')}</option>
              {CONSULTATION_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {CONSULTATION_CATEGORY_LABELS[category][locale]} ({queue?.counts.byCategory[category] ?? 0})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={c('filterAssignee')}>
            <Select value={filter.assignee ?? ''} onChange={choose('assignee')} data-testid="consult-filter-assignee">
              <option value="">{c('filterAll')}</option>
              <option value="me">{c('filterMine')}</option>
              {(queue?.counts.byAssignee ?? []).map((assignee) => (
                <option key={assignee.id ?? 'unassigned'} value={assignee.id ?? 'unassigned'}>
                  {assignee.name ?? c('unassigned')} ({assignee.count})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={c('filterDue')}>
            <Select value={filter.overdue ?? ''} onChange={choose('overdue')} data-testid="consult-filter-overdue">
              <option value="">{c('filterAll')}</option>
              <option value="true">{c('filterOverdue')}</option>
            </Select>
          </Field>
        </div>
        {queue && <Text size={200}>{c('shown', { n: queue.tickets.length })}</Text>}
        {queue && queue.tickets.length === 0 && <Text>{c('empty')}</Text>}
        <ul className={styles.list} data-testid="consult-queue">
          {(queue?.tickets ?? []).map((ticket) => (
            <li key={ticket.number} className={styles.row} data-testid={`consult-ticket-${ticket.number}`}>
              <span className={styles.title}>
                <Text weight="semibold">{ticket.number}</Text>
                <Text>{ticket.title}</Text>
                <StatusBadge status={ticket.status} locale={locale} />
                {ticket.overdue && (
                  <Badge appearance="filled" color="danger" data-testid={`consult-overdue-${ticket.number}`}>
                    {c('overdue')}
                  </Badge>
                )}
                <Text size={200}>
                  {CONSULTATION_CATEGORY_LABELS[ticket.category][locale]} / {ticket.requesterName} / {c('assignee')}: {ticket.assigneeName ?? c('unassigned')} / {c('urgency')}:{' '}
                  {URGENCY_LABELS[ticket.urgency][locale]} / {formatJst(ticket.createdAt, locale)} / {c('resolutionDue')}: {formatJst(ticket.sla.resolutionDueAt, locale)}
                </Text>
              </span>
              <Button size="small" onClick={() => void open(ticket.number)} data-testid={`consult-open-${ticket.number}`}>
                {c('open')}
              </Button>
            </li>
          ))}
        </ul>
        {detail && (
          <Section
            id="consult-desk-detail"
            title={detail.ticket.number}
            headerEnd={
              <span style={{ display: 'flex', gap: '8px' }}>
                {canMakeFaq && (
                  <Button onClick={() => void makeFaq(detail.ticket.number)} data-testid="consult-make-faq">
                    {faqText(locale, 'makeFaq')}
                  </Button>
                )}
                <Button onClick={() => setDetail(undefined)}>{c('close')}</Button>
              </span>
            }
          >
            <TicketDetail locale={locale} detail={detail} act={act} colleagues={colleagues ?? []} />
            {draft && draft.sourceTicket === detail.ticket.number && (
              <FaqEditor
                key={draft.sourceTicket}
                locale={locale}
                api={api}
                initial={faqFormOf(draft)}
                source={{ ticketNumber: draft.sourceTicket, context: draft.context }}
                onSaved={() => setDraft(undefined)}
                onCancel={() => setDraft(undefined)}
                onError={onError}
                onNotice={onNotice}
              />
            )}
          </Section>
        )}
        <SlaSettings locale={locale} settings={sla} save={saveSla} />
        {faq && (
          <Text size={200} data-testid="consult-faq-statistics">
            {c('faqHeading')}: {c('faqSummary', { shown: faq.shown, resolved: faq.resolved, rate })}
          </Text>
        )}
      </div>
    </Section>
  );
}
