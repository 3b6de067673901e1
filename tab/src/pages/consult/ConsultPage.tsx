import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { TicketActionInput, TicketDetailView } from '../../api/consultations';
import { Section } from '../../components/Section/Section';
import { StatusBadge, TicketDetail } from '../../components/TicketDetail/TicketDetail';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import { consultText } from '../../i18n/consult-messages';
import type { PageProps } from '../pages';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  title: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0, overflowWrap: 'anywhere' },
});

/** 私の相談: the employee's own DX相談 requests, each with its whole history; comment, reopen, close or rate. */
export function ConsultPage(props: PageProps) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const c = (key: Parameters<typeof consultText>[1], values?: Record<string, string | number>) => consultText(locale, key, values);
  const { data: tickets, reload } = useLoad(api.consultations.mine, onError);
  const [detail, setDetail] = useState<TicketDetailView | undefined>();
  const open = useCallback((ticketNumber: string) => attempt(async () => setDetail(await api.consultations.get(ticketNumber)), onError), [api, onError]);
  const act = async (input: TicketActionInput) => {
    if (!detail) return false;
    const done = await attempt(async () => setDetail(await api.consultations.act(detail.ticket.number, input)), onError);
    if (done) {
      onNotice(c('done', { number: detail.ticket.number }));
      await reload();
    } else await open(detail.ticket.number);
    return done;
  };
  return (
    <div className={styles.stack}>
      <Section id="my-consultations" title={c('myHeading')}>
        <Text size={200}>{c('myIntro')}</Text>
        {tickets && tickets.length === 0 && <Text>{c('none')}</Text>}
        <ul className={styles.list} data-testid="my-consultations">
          {(tickets ?? []).map((ticket) => (
            <li key={ticket.number} className={styles.row} data-testid={`my-ticket-${ticket.number}`}>
              <span className={styles.title}>
                <Text weight="semibold">{ticket.number}</Text>
                <Text>{ticket.title}</Text>
                <StatusBadge status={ticket.status} locale={locale} />
                <Text size={200}>
                  {c('assignee')}: {ticket.assigneeName ?? c('unassigned')} / {c('updated')}: {formatJst(ticket.updatedAt, locale)}
                </Text>
              </span>
              <Button size="small" onClick={() => void open(ticket.number)} data-testid={`my-ticket-open-${ticket.number}`}>
                {c('open')}
              </Button>
            </li>
          ))}
        </ul>
      </Section>
      {detail && (
        <Section id="my-consultation-detail" title={`${detail.ticket.number}`} headerEnd={<Button onClick={() => setDetail(undefined)}>{c('close')}</Button>}>
          <TicketDetail locale={locale} detail={detail} act={act} />
        </Section>
      )}
    </div>
  );
}
