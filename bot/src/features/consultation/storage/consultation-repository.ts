import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from '../domain/categories.js';
import {
  formatTicketNumber,
  PREFERRED_CONTACTS,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  URGENCIES,
  ticketNotFound,
  type Ticket,
  type TicketHistoryEntry,
} from '../domain/tickets.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { ConsultationRepository } from '../domain/consultation-ports.js';
import { consultationRange, keys } from '../../../kernel/storage/keys.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

/**
 * Table design (table `Consultations`, ONE partition `consultation`):
 *
 *   ticket!DX-2026-0042                  the ticket (the row whose ETag guards every change)
 *   history!DX-2026-0042!000003          one row per transition, in order
 *   requester!<employee id>!DX-2026-0042 a full copy of the ticket: "my tickets" is one row-key range query
 *   status!<status>!DX-2026-0042         a full copy of the ticket: "the queue by status" is one range query
 *   counter!2026                         the last number handed out in 2026
 *   submission!<form id>                 which ticket a submitted form created (double-click guard)
 *
 * Why one partition: Table Storage only commits several rows atomically inside one partition (an entity-group
 * transaction, up to 100 rows). With everything in one partition, filing a ticket (counter + ticket + history +
 * both index rows) and every transition (ticket with its ETag + history + moving the status index row) are each
 * one transaction: an index row can never point at a status the ticket no longer has, a number is consumed only
 * if its ticket exists (so numbers are consecutive), and a stale write changes nothing at all. Per-requester or
 * per-ticket partitions would need cross-partition index rows repaired after crashes. Both queries are row-key
 * range reads, not scans. The cost is one partition's throughput (about 2,000 rows/s), far above a ward help
 * desk's load; if that ever mattered, the partition could be split by year, as numbers already are.
 */
const ROW_KINDS = { ticket: 'ticket', history: 'history' } as const;

/** A filing takes up to 5 rows (ticket, history, two index rows, submission) and the counter 1: 19 fill 96 of 100. */
const FILINGS_PER_COMMIT = 19;
/** Where each reminder's claim is kept on the ticket. */
const reminderField = { unassigned: 'unassignedReminderAt', 'first-response': 'firstResponseRemindedAt', resolution: 'resolutionRemindedAt' } as const;

type FilingRequest = Parameters<ConsultationRepository['create']>[0];
type FilingOutcome = { ticket: Ticket; created: boolean } | { error: unknown };
interface PendingFiling extends FilingRequest {
  resolve: (outcome: { ticket: Ticket; created: boolean }) => void;
  reject: (error: unknown) => void;
}

interface TicketEntity {
  kind: string;
  number: string;
  requesterId: string;
  requesterName: string;
  category: string;
  title: string;
  details: string;
  preferredContact: string;
  urgency: string;
  status: string;
  assigneeId: string;
  assigneeName: string;
  resolution: string;
  rating: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  unassignedReminderAt: string;
  /** Absent on rows written before the SLA clocks (issue 18). */
  firstResponseAt?: string;
  resolvedAt?: string;
  firstResponseRemindedAt?: string;
  resolutionRemindedAt?: string;
}

interface HistoryEntity {
  kind: string;
  ticketNumber: string;
  sequence: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  text: string;
  rating: number;
}

// Rows may have been edited by hand in Storage Explorer: enum columns are checked on the way in.
const statusSchema = z.enum(TICKET_STATUSES);
const ticketColumns = z.object({
  category: z.enum(CONSULTATION_CATEGORIES),
  preferredContact: z.enum(PREFERRED_CONTACTS),
  urgency: z.enum(URGENCIES),
  status: statusSchema,
});
const historyAction = z.enum(['create', ...TICKET_ACTIONS]);
const optional = (value: string) => value || undefined;

function toTicket(entity: TicketEntity): Ticket {
  const columns = ticketColumns.parse(entity);
  return {
    number: entity.number,
    requesterId: entity.requesterId,
    requesterName: entity.requesterName,
    category: columns.category,
    title: entity.title,
    details: entity.details,
    preferredContact: columns.preferredContact,
    urgency: columns.urgency,
    status: columns.status,
    assigneeId: optional(entity.assigneeId),
    assigneeName: optional(entity.assigneeName),
    resolution: optional(entity.resolution),
    rating: entity.rating > 0 ? entity.rating : undefined,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
    unassignedReminderAt: optional(entity.unassignedReminderAt),
    firstResponseAt: optional(entity.firstResponseAt ?? ''),
    resolvedAt: optional(entity.resolvedAt ?? ''),
    firstResponseRemindedAt: optional(entity.firstResponseRemindedAt ?? ''),
    resolutionRemindedAt: optional(entity.resolutionRemindedAt ?? ''),
  };
}

function ticketColumnsOf(ticket: Ticket): TicketEntity {
  return {
    kind: ROW_KINDS.ticket,
    number: ticket.number,
    requesterId: ticket.requesterId,
    requesterName: ticket.requesterName,
    category: ticket.category,
    title: ticket.title,
    details: ticket.details,
    preferredContact: ticket.preferredContact,
    urgency: ticket.urgency,
    status: ticket.status,
    assigneeId: ticket.assigneeId ?? '',
    assigneeName: ticket.assigneeName ?? '',
    resolution: ticket.resolution ?? '',
    rating: ticket.rating ?? 0,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
    unassignedReminderAt: ticket.unassignedReminderAt ?? '',
    firstResponseAt: ticket.firstResponseAt ?? '',
    resolvedAt: ticket.resolvedAt ?? '',
    firstResponseRemindedAt: ticket.firstResponseRemindedAt ?? '',
    resolutionRemindedAt: ticket.resolutionRemindedAt ?? '',
  };
}

function toHistory(entity: HistoryEntity): TicketHistoryEntry {
  return {
    ticketNumber: entity.ticketNumber,
    sequence: entity.sequence,
    at: entity.at,
    actorId: entity.actorId,
    actorName: entity.actorName,
    action: historyAction.parse(entity.action),
    fromStatus: entity.fromStatus ? statusSchema.parse(entity.fromStatus) : undefined,
    toStatus: statusSchema.parse(entity.toStatus),
    text: optional(entity.text),
    rating: entity.rating > 0 ? entity.rating : undefined,
  };
}

function historyRow(entry: TicketHistoryEntry) {
  const entity: HistoryEntity = {
    kind: ROW_KINDS.history,
    ticketNumber: entry.ticketNumber,
    sequence: entry.sequence,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    fromStatus: entry.fromStatus ?? '',
    toStatus: entry.toStatus,
    text: entry.text ?? '',
    rating: entry.rating ?? 0,
  };
  return { ...keys.consultationHistory(entry.ticketNumber, entry.sequence), ...entity };
}

const ticketRow = (ticket: Ticket) => ({ ...keys.consultationTicket(ticket.number), ...ticketColumnsOf(ticket) });
const requesterRow = (ticket: Ticket) => ({ ...keys.consultationByRequester(ticket.requesterId, ticket.number), ...ticketColumnsOf(ticket) });
const statusRow = (ticket: Ticket) => ({ ...keys.consultationByStatus(ticket.status, ticket.number), ...ticketColumnsOf(ticket) });

async function rangeRows<T extends object>(table: TableClient, range: { partitionKey: string; from: string; to: string }) {
  return listAll<T>(table, odata`PartitionKey eq ${range.partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`);
}


export function createConsultationRepository(storage: TableStorage): ConsultationRepository {
  const table = storage.client('Consultations');
  const readTicket = (ticketNumber: string) => getEntityOrUndefined<TicketEntity>(table, keys.consultationTicket(ticketNumber));

  async function existingSubmission(requesterId: string, submissionId: string | undefined): Promise<Ticket | undefined> {
    if (!submissionId) return undefined;
    const row = await getEntityOrUndefined<{ ticketNumber: string }>(table, keys.consultationSubmission(requesterId, submissionId));
    if (!row) return undefined;
    const ticket = await readTicket(row.ticketNumber);
    // Belt and braces: a submission row only ever answers the person who filed it.
    return ticket && ticket.requesterId === requesterId ? toTicket(ticket) : undefined;
  }

  /**
   * Filing is a group commit: filings that arrive while this instance is writing wait and then go together in one
   * transaction with one counter update, so 200 staff filing at once cost about 200 / FILINGS_PER_COMMIT writes of
   * the counter row, not 200 queued read-modify-writes. Numbers stay consecutive and unique (the counter moves in
   * the same transaction as its tickets); another instance racing for the counter loses the ETag and retries.
   */
  const waiting: PendingFiling[] = [];
  let committing = false;
  async function commitWaiting(): Promise<void> {
    if (committing) return;
    committing = true;
    try {
      while (waiting.length > 0) {
        const year = waiting[0]!.year;
        const batch: PendingFiling[] = [];
        for (let index = 0; index < waiting.length && batch.length < FILINGS_PER_COMMIT; ) {
          if (waiting[index]!.year === year) batch.push(...waiting.splice(index, 1));
          else index += 1;
        }
        try {
          const outcomes = await commitFilings(year, batch);
          batch.forEach((filing, index) => {
            const outcome = outcomes[index]!;
            if ('error' in outcome) filing.reject(outcome.error);
            else filing.resolve(outcome);
          });
        } catch (error) {
          for (const filing of batch) filing.reject(error);
        }
      }
    } finally {
      committing = false;
    }
  }

  // The counter row as this instance's last commit left it: the next commit replaces it with that ETag without
  // reading it first. Another instance's commit since then makes it a lost race (412), and the retry reads.
  let lastCounter: { year: number; last: number; etag: string } | undefined;
  const readCounter = async (year: number, retry: boolean) => {
    if (!retry && lastCounter?.year === year) return lastCounter;
    return getEntityOrUndefined<{ last: number }>(table, keys.consultationCounter(year));
  };

  function commitFilings(year: number, batch: PendingFiling[]): Promise<FilingOutcome[]> {
    let attempts = 0;
    return withEtagRetry(`consultation counter ${year}`, 'contended', async () => {
      // Optimistic: the first attempt assumes no submission id was filed before (a second submit of the same form is
      // rare) and reads nothing but, when this instance did not write it last, the counter. A submission filed
      // before makes the transaction fail (its row is a create, 409), and the retry reads every submission id.
      const retry = attempts++ > 0;
      const [earlier, counter] = await Promise.all([
        Promise.all(batch.map((filing) => (retry ? existingSubmission(filing.requesterId, filing.submissionId) : undefined))),
        readCounter(year, retry),
      ]);
      let sequence = counter?.last ?? 0;
      const outcomes: FilingOutcome[] = [];
      const actions: TransactionAction[] = [];
      // A submission id is the requester's own: the same id from someone else is a different filing.
      const submissionKey = (filing: PendingFiling) => (filing.submissionId ? `${filing.requesterId}\n${filing.submissionId}` : undefined);
      const inThisCommit = new Map<string, Ticket>();
      for (const [index, filing] of batch.entries()) {
        const key = submissionKey(filing);
        const already = earlier[index] ?? (key ? inThisCommit.get(key) : undefined);
        if (already) {
          outcomes.push({ ticket: already, created: false });
          continue;
        }
        let built: ReturnType<PendingFiling['build']>;
        try {
          built = filing.build(formatTicketNumber(year, sequence + 1));
        } catch (error) {
          outcomes.push({ error });
          continue;
        }
        if (built.ticket.requesterId !== filing.requesterId) {
          outcomes.push({ error: new AppError('internal', { detail: `ticket built for ${built.ticket.requesterId}, filed by ${filing.requesterId}` }) });
          continue;
        }
        sequence += 1;
        const { ticket, history } = built;
        actions.push(['create', ticketRow(ticket)], ['create', historyRow(history)], ['create', requesterRow(ticket)], ['create', statusRow(ticket)]);
        if (filing.submissionId) {
          actions.push(['create', { ...keys.consultationSubmission(filing.requesterId, filing.submissionId), ticketNumber: ticket.number }]);
          inThisCommit.set(submissionKey(filing)!, ticket);
        }
        outcomes.push({ ticket, created: true });
      }
      if (actions.length === 0) return outcomes;
      const counterRow = { ...keys.consultationCounter(year), last: sequence };
      actions.unshift(counter ? ['update', counterRow, 'Replace', { etag: counter.etag }] : ['create', counterRow]);
      lastCounter = undefined;
      const response = await table.submitTransaction(actions);
      // The counter's write is the transaction's first operation, so its answer comes first (an update's answer
      // names no row key to look it up by); the header value may keep its line's carriage return.
      const counterEtag = response.subResponses[0]?.etag?.trim();
      if (counterEtag) lastCounter = { year, last: sequence, etag: counterEtag };
      return outcomes;
    });
  }

  /** Writes a new version of a ticket with its history entry and moved index rows, guarded by the read ETag. */
  function changeActions(current: Ticket, etag: string, next: Ticket, history: TicketHistoryEntry | undefined): TransactionAction[] {
    const actions: TransactionAction[] = [
      ['update', ticketRow(next), 'Replace', { etag }],
      ['upsert', requesterRow(next), 'Replace'],
    ];
    if (history) actions.push(['create', historyRow(history)]);
    if (next.status === current.status) actions.push(['upsert', statusRow(next), 'Replace']);
    else actions.push(['delete', keys.consultationByStatus(current.status, current.number)], ['create', statusRow(next)]);
    return actions;
  }

  /**
   * A ticket's reminder marks rewritten with no history entry, ETag-guarded and retried: `change` answers the next
   * ticket, or undefined to leave it as it is. True when it was written (a claim won).
   */
  const rewriteMarks = (ticketNumber: string, what: string, change: (current: Ticket) => Ticket | undefined) =>
    withEtagRetry(`consultation ${what} ${ticketNumber}`, 'contended', async () => {
      const entity = await readTicket(ticketNumber);
      if (!entity) throw ticketNotFound(ticketNumber);
      const current = toTicket(entity);
      const next = change(current);
      if (!next) return false;
      await table.submitTransaction(changeActions(current, entity.etag, next, undefined));
      return true;
    });

  return {
    create(request) {
      return new Promise((resolve, reject) => {
        waiting.push({ ...request, resolve, reject });
        void commitWaiting();
      });
    },

    async get(ticketNumber) {
      const entity = await readTicket(ticketNumber);
      return entity && toTicket(entity);
    },

    async history(ticketNumber) {
      const rows = await rangeRows<HistoryEntity>(table, consultationRange('history', ticketNumber));
      return rows.map(toHistory).sort((a, b) => a.sequence - b.sequence);
    },

    async listByRequester(requesterId) {
      const rows = await rangeRows<TicketEntity>(table, consultationRange('requester', requesterId));
      return rows.map(toTicket).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number));
    },

    async listByStatus(statuses) {
      const lists = await Promise.all([...new Set(statuses)].map((status) => rangeRows<TicketEntity>(table, consultationRange('status', status))));
      return lists
        .flat()
        .map(toTicket)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number));
    },

    async transition(ticketNumber, change) {
      return withEtagRetry(`consultation ${ticketNumber}`, 'contended', async () => {
        const entity = await readTicket(ticketNumber);
        if (!entity) throw ticketNotFound(ticketNumber);
        const current = toTicket(entity);
        const result = await change(current);
        if (result.ticket.number !== current.number || result.ticket.version !== current.version + 1 || result.history.sequence !== result.ticket.version) {
          throw new AppError('internal', { detail: `transition of ${ticketNumber} produced an inconsistent version` });
        }
        await table.submitTransaction(changeActions(current, entity.etag, result.ticket, result.history));
        return result;
      });
    },

    claimUnassignedReminder: (ticketNumber, at) =>
      rewriteMarks(ticketNumber, 'reminder', (current) =>
        current.status === 'new' && !current.unassignedReminderAt ? { ...current, unassignedReminderAt: at.toISOString() } : undefined,
      ),
    claimSlaReminder: (ticketNumber, which, at) =>
      rewriteMarks(ticketNumber, 'sla reminder', (current) => (current[reminderField[which]] ? undefined : { ...current, [reminderField[which]]: at.toISOString() })),
    async releaseReminder(ticketNumber, reminder, claimedAt) {
      const field = reminderField[reminder];
      await rewriteMarks(ticketNumber, 'reminder release', (current) => (current[field] === claimedAt.toISOString() ? { ...current, [field]: undefined } : undefined));
    },
  };
}
