import { odata, RestError } from '@azure/data-tables';
import type { ConsultationDesk, ConsultationDeskRepository, TicketPost } from '../domain/consultation-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { replaceOrCreate, withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

/**
 * Table `ConsultationDesk`, beside (not inside) the tickets' single `Consultations` partition, because none of
 * these rows changes together with a ticket:
 *
 *   desk / channel           the desk channel's conversation reference (one row: one desk)
 *   post / DX-2026-0042      the channel message showing that ticket (point read on every change); before the
 *                            message exists, the claim of the one instance posting it (leaseUntil), so a crash
 *                            leaves a claim the hourly re-post can take over once it expires
 *   faq  / shown, resolved   FAQ cards shown and 「解決しました」 presses; faq / entry!<id> per FAQ entry
 *
 * Not ProgrammeTexts: those are ja/en texts admins edit for employees, and a conversation reference is neither.
 * Counters are ETag-guarded increments, so two instances never lose a press.
 */
interface DeskEntity {
  conversationId: string;
  referenceJson: string;
  setBy: string;
  setAt: string;
}

interface PostEntity {
  ticketNumber: string;
  conversationId: string;
  /** Empty while the post is only claimed. */
  activityId: string;
  postedAt: string;
  leaseUntil?: string;
}

interface CounterEntity {
  count: number;
}

const SHOWN = 'shown';
const RESOLVED = 'resolved';
const ENTRY_PREFIX = 'entry!';

export function createConsultationDeskRepository(storage: TableStorage): ConsultationDeskRepository {
  const table = storage.client('ConsultationDesk');

  async function increment(name: string): Promise<void> {
    const key = keys.faqCounter(name);
    await withEtagRetry(`faq counter ${name}`, 'contended', async () => {
      const current = await getEntityOrUndefined<CounterEntity>(table, key);
      await replaceOrCreate(table, { ...key, count: (current?.count ?? 0) + 1 }, current?.etag);
    });
  }

  return {
    async getDesk() {
      const row = await getEntityOrUndefined<DeskEntity>(table, keys.consultationDesk());
      if (!row) return undefined;
      const desk: ConsultationDesk = {
        conversationId: row.conversationId,
        reference: JSON.parse(row.referenceJson) as Record<string, unknown>,
        setBy: row.setBy,
        setAt: row.setAt,
      };
      return desk;
    },
    async saveDesk(desk) {
      const entity: DeskEntity = { conversationId: desk.conversationId, referenceJson: JSON.stringify(desk.reference), setBy: desk.setBy, setAt: desk.setAt };
      await table.upsertEntity({ ...keys.consultationDesk(), ...entity }, 'Replace');
    },
    async getTicketPost(ticketNumber) {
      const row = await getEntityOrUndefined<PostEntity>(table, keys.consultationTicketPost(ticketNumber));
      if (!row || !row.activityId) return undefined;
      const post: TicketPost = { ticketNumber: row.ticketNumber, conversationId: row.conversationId, activityId: row.activityId, postedAt: row.postedAt };
      return post;
    },
    async claimTicketPost(ticketNumber, claim) {
      const key = keys.consultationTicketPost(ticketNumber);
      const row = { ...key, ticketNumber, conversationId: '', activityId: '', postedAt: '', leaseUntil: claim.leaseUntil };
      try {
        await table.createEntity(row);
        return true;
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 409)) throw error;
      }
      const current = await getEntityOrUndefined<PostEntity>(table, key);
      // Posted, or claimed by an instance whose lease still runs: not ours to post.
      if (!current || current.activityId || (current.leaseUntil ?? '') > claim.now) return false;
      try {
        await table.updateEntity(row, 'Replace', { etag: current.etag });
        return true;
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) return false;
        throw error;
      }
    },
    async releaseTicketPost(ticketNumber) {
      const key = keys.consultationTicketPost(ticketNumber);
      const current = await getEntityOrUndefined<PostEntity>(table, key);
      if (!current || current.activityId) return;
      try {
        await table.deleteEntity(key.partitionKey, key.rowKey, { etag: current.etag });
      } catch (error) {
        if (!(error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404))) throw error;
      }
    },
    async saveTicketPost(post) {
      const entity: PostEntity = { ...post };
      await table.upsertEntity({ ...keys.consultationTicketPost(post.ticketNumber), ...entity }, 'Replace');
    },
    async recordFaqResolved(faqIds) {
      await increment(RESOLVED);
      for (const faqId of new Set(faqIds)) await increment(`${ENTRY_PREFIX}${faqId}`);
    },
    async recordFaqShown() {
      await increment(SHOWN);
    },
    async faqStatistics() {
      const rows = await listAll<CounterEntity>(table, odata`PartitionKey eq ${keys.faqCounter(SHOWN).partitionKey}`);
      const resolvedByEntry: Record<string, number> = {};
      let shown = 0;
      let resolved = 0;
      for (const row of rows) {
        if (row.rowKey === SHOWN) shown = row.count;
        else if (row.rowKey === RESOLVED) resolved = row.count;
        else if (row.rowKey?.startsWith(ENTRY_PREFIX)) resolvedByEntry[row.rowKey.slice(ENTRY_PREFIX.length)] = row.count;
      }
      return { shown, resolved, resolvedByEntry };
    },
  };
}
