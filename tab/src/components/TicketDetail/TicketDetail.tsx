import { Badge, Button, Field, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSULTATION_CATEGORY_LABELS } from '../../../../bot/src/features/consultation/domain/categories.js';
import { PREFERRED_CONTACT_LABELS, TICKET_ACTION_LABELS, TICKET_STATUS_LABELS, URGENCY_LABELS, type TicketAction } from '../../../../bot/src/features/consultation/domain/tickets.js';
import type { TicketActionInput, TicketDetailView } from '../../api/consultations';
import { formatJst } from '../../hooks/use-load';
import { consultText } from '../../i18n/consult-messages';
import type { Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  history: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const STATUS_COLOR = { new: 'danger', assigned: 'informative', 'in-progress': 'brand', resolved: 'success', reopened: 'warning', closed: 'subtle' } as const;

export function StatusBadge(props: { status: keyof typeof STATUS_COLOR; locale: Locale }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[props.status]} data-testid="ticket-status">
      {TICKET_STATUS_LABELS[props.status][props.locale]}
    </Badge>
  );
}

const TEXT_ACTIONS: Partial<Record<TicketAction, 'commentLabel' | 'resolveLabel' | 'reopenLabel'>> = { comment: 'commentLabel', resolve: 'resolveLabel', reopen: 'reopenLabel' };

/**
 * One ticket with its whole history and the actions this viewer may take now (the server's list; it checks again).
 * Text actions share one text box; the rating is five buttons.
 */
export function TicketDetail(props: {
  locale: Locale;
  detail: TicketDetailView;
  act: (input: TicketActionInput) => Promise<boolean>;
  /** The desk: デジタル推進課's members, to give the ticket to a named colleague (担当者を指定・変更). */
  colleagues?: readonly { id: string; name: string }[];
}) {
  const styles = useStyles();
  const { locale, detail } = props;
  const { ticket } = detail;
  const c = (key: Parameters<typeof consultText>[1], values?: Record<string, string | number>) => consultText(locale, key, values);
  const [text, setText] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  // Nobody holds it: 担当する for a colleague (assign); someone does: hand it over (reassign).
  const assignAction = ticket.assigneeId ? 'reassign' : 'assign';
  const choices = (props.colleagues ?? []).filter((colleague) => colleague.id !== ticket.assigneeId);
  const canChoose = detail.allowedActions.includes(assignAction) && choices.length > 0;
  const [busy, setBusy] = useState(false);
  const run = async (input: Omit<TicketActionInput, 'version'>) => {
    setBusy(true);
    try {
      if (await props.act({ ...input, version: ticket.version })) setText('');
    } finally {
      setBusy(false);
    }
  };
  const facts: [string, string][] = [
    [c('number'), ticket.number],
    [c('category'), CONSULTATION_CATEGORY_LABELS[ticket.category][locale]],
    [c('requester'), ticket.requesterName],
    [c('assignee'), ticket.assigneeName ?? c('unassigned')],
    [c('contact'), PREFERRED_CONTACT_LABELS[ticket.preferredContact][locale]],
    [c('urgency'), URGENCY_LABELS[ticket.urgency][locale]],
    [c('filed'), formatJst(ticket.createdAt, locale)],
    ...(ticket.rating ? [[c('rating'), `${ticket.rating} / 5`] as [string, string]] : []),
  ];
  const textActions = detail.allowedActions.filter((action) => TEXT_ACTIONS[action]);
  const plainActions = detail.allowedActions.filter((action) => !TEXT_ACTIONS[action] && action !== 'rate' && action !== 'reassign');
  const textLabel = textActions.map((action) => c(TEXT_ACTIONS[action]!)).join(' / ');
  return (
    <div className={styles.stack} data-testid={`ticket-detail-${ticket.number}`}>
      <div className={styles.actions}>
        <Text weight="semibold" size={400}>
          {ticket.number} {ticket.title}
        </Text>
        <StatusBadge status={ticket.status} locale={locale} />
      </div>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.definition}>{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <Text weight="semibold">{c('details')}</Text>
        <p className={styles.text}>{ticket.details}</p>
      </div>
      {ticket.resolution && (
        <div>
          <Text weight="semibold">{c('resolution')}</Text>
          <p className={styles.text}>{ticket.resolution}</p>
        </div>
      )}
      <div>
        <Text weight="semibold">{c('history')}</Text>
        <ol className={styles.history} data-testid="ticket-history">
          {detail.history.map((entry) => (
            <li key={entry.sequence} className={styles.entry}>
              <Text size={200}>
                {formatJst(entry.at, locale)} {entry.actorName}: {TICKET_ACTION_LABELS[entry.action][locale]}
                {entry.rating ? ` (${entry.rating} / 5)` : ''} → {TICKET_STATUS_LABELS[entry.toStatus][locale]}
              </Text>
              {entry.text && <div className={styles.text}>{entry.text}</div>}
            </li>
          ))}
        </ol>
      </div>
      {textActions.length > 0 && (
        <Field label={textLabel}>
          <Textarea value={text} maxLength={4000} resize="vertical" onChange={(_event, data) => setText(data.value)} data-testid="ticket-text" />
        </Field>
      )}
      {(textActions.length > 0 || plainActions.length > 0) && (
        <div className={styles.actions}>
          {[...plainActions, ...textActions].map((action) => (
            <Button
              key={action}
              appearance={action === 'assign' || action === 'resolve' ? 'primary' : 'secondary'}
              disabled={busy}
              data-testid={`ticket-action-${action}`}
              onClick={() => void run({ action, ...(TEXT_ACTIONS[action] ? { text } : {}) })}
            >
              {TICKET_ACTION_LABELS[action][locale]}
            </Button>
          ))}
        </div>
      )}
      {canChoose && (
        <Field label={c('assignTo')}>
          <div className={styles.actions}>
            <Select value={assigneeId} onChange={(_event, data) => setAssigneeId(data.value)} data-testid="ticket-assignee">
              <option value="">—</option>
              {choices.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.name}
                </option>
              ))}
            </Select>
            <Button disabled={busy || !assigneeId} data-testid="ticket-assign-to" onClick={() => void run({ action: assignAction, assigneeId })}>
              {c('assignSend')}
            </Button>
          </div>
        </Field>
      )}
      {detail.allowedActions.includes('rate') && (
        <Field label={c('rateLabel')}>
          <div className={styles.actions}>
            {[1, 2, 3, 4, 5].map((rating) => (
              <Button key={rating} disabled={busy} data-testid={`ticket-rate-${rating}`} onClick={() => void run({ action: 'rate', rating })}>
                {rating}
              </Button>
            ))}
          </div>
        </Field>
      )}
    </div>
  );
}
