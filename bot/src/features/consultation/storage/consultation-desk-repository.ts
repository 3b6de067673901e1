import { RestError } from '@azure/data-tables';
import type { ConsultationDesk, ConsultationDeskRepository, TicketPost } from '../domain/consultation-ports.js';
import type { SlaSettings } from '../domain/sla.js';
import { keys } from '../../../kernel/storage/keys.js';
import { createReadCache } from '../../../kernel/storage/read-cache.js';
import { createShardedCounters, type ShardedCounters } from '../../../kernel/storage/sharded-counter.js';
import { fiscalYearOf } from '../../../kernel/domain/jst.js';
import { jstMonthOf, type FaqMonthCounts } from '../domain/desk-metrics.js';
import { getEntityOrUndefined, type TableStorage } from '../../../kernel/storage/table-storage.js';

/**
 * Table `ConsultationDesk`, beside (not inside) the tickets' single `Consultations` partition, because none of
 * these rows changes together with a ticket:
 *
 *   desk / channel           the desk channel's conversation reference (one row: one desk)
 *   post / DX-2026-0042      the channel message showing that ticket (point read on every change); before the
 *                            message exists, the claim of the one instance posting it (leaseUntil), so a crash
 *                            leaves a claim the hourly re-post can take over once it expires
 *   desk / sla               the SLA settings admins edit (one row, whole JSON; cached briefly like the desk)
 *   faq  / shown, resolved   FAQ cards shown and 「解決しました」 presses; faq / entry!<id> per FAQ entry
 *   faq-fy2026 / 2026-05!shown, 2026-05!resolved, 2026-05!entry!<id>
 *                            the same counts per JST month, one partition per fiscal year (desk metrics read one)
 *
 * Not ProgrammeTexts: those are ja/en texts admins edit for employees, and a conversation reference is neither.
 * Counters are sharded (faq / shown@3 ...) and summed on read: every FAQ answer counts, and 200 at once must not
 * queue behind one row's ETag. The desk row is read by every filing, so it is cached briefly (saveDesk forgets it).
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

const SHOWN = 'shown';
const RESOLVED = 'resolved';
const ENTRY_PREFIX = 'entry!';

export function createConsultationDeskRepository(storage: TableStorage): ConsultationDeskRepository {
  const table = storage.client('ConsultationDesk');
  const counters = createShardedCounters(table, { partitionKey: keys.faqCounter(SHOWN).partitionKey });
  const deskCache = createReadCache<ConsultationDesk | undefined>({ maxEntries: 1 });
  const slaCache = createReadCache<SlaSettings | undefined>({ maxEntries: 1 });
  // Sharded like the totals (no hot row: every FAQ answer counts here too), in the fiscal year's own partition.
  const monthly = new Map<number, ShardedCounters>();
  const countersOfYear = (fiscalYear: number) => {
    let yearCounters = monthly.get(fiscalYear);
    if (!yearCounters) {
      yearCounters = createShardedCounters(table, { partitionKey: keys.faqMonthPartition(fiscalYear) });
      monthly.set(fiscalYear, yearCounters);
    }
    return yearCounters;
  };
  // Rows read `<month>!shown`, `<month>!resolved`, `<month>!entry!<id>`: the month first, so an id may hold any character.
  const countMonthly = (at: Date, names: readonly string[]) => {
    const month = jstMonthOf(at);
    const yearCounters = countersOfYear(fiscalYearOf(at));
    for (const name of names) yearCounters.add(`${month}!${name}`);
  };

  return {
    getSlaSettings() {
      return slaCache.get('sla', async () => {
        const row = await getEntityOrUndefined<{ settingsJson: string }>(table, keys.consultationSlaSettings());
        return row ? (JSON.parse(row.settingsJson) as SlaSettings) : undefined;
      });
    },
    async saveSlaSettings(settings) {
      await table.upsertEntity({ ...keys.consultationSlaSettings(), settingsJson: JSON.stringify(settings) }, 'Replace');
      slaCache.invalidate();
    },
    getDesk() {
      return deskCache.get('desk', async () => {
        const row = await getEntityOrUndefined<DeskEntity>(table, keys.consultationDesk());
        if (!row) return undefined;
        const desk: ConsultationDesk = {
          conversationId: row.conversationId,
          reference: JSON.parse(row.referenceJson) as Record<string, unknown>,
          setBy: row.setBy,
          setAt: row.setAt,
        };
        return desk;
      });
    },
    async saveDesk(desk) {
      const entity: DeskEntity = { conversationId: desk.conversationId, referenceJson: JSON.stringify(desk.reference), setBy: desk.setBy, setAt: desk.setAt };
      await table.upsertEntity({ ...keys.consultationDesk(), ...entity }, 'Replace');
      deskCache.invalidate();
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
    // Counting leaves the turn at once; the write follows, folded with the other turns' (statistics never slow an answer).
    async recordFaqResolved(faqIds, at = new Date()) {
      counters.add(RESOLVED);
      const unique = [...new Set(faqIds)];
      for (const faqId of unique) counters.add(`${ENTRY_PREFIX}${faqId}`);
      countMonthly(at, [RESOLVED, ...unique.map((faqId) => `${ENTRY_PREFIX}${faqId}`)]);
    },
    async recordFaqShown(at = new Date()) {
      counters.add(SHOWN);
      countMonthly(at, [SHOWN]);
    },
    async faqStatistics() {
      await counters.settled();
      const resolvedByEntry: Record<string, number> = {};
      let shown = 0;
      let resolved = 0;
      for (const [name, count] of await counters.totals()) {
        if (name === SHOWN) shown = count;
        else if (name === RESOLVED) resolved = count;
        else if (name.startsWith(ENTRY_PREFIX)) resolvedByEntry[name.slice(ENTRY_PREFIX.length)] = count;
      }
      return { shown, resolved, resolvedByEntry };
    },
    async faqMonths(fiscalYear) {
      const yearCounters = countersOfYear(fiscalYear);
      await yearCounters.settled();
      const months = new Map<string, FaqMonthCounts>();
      for (const [name, count] of await yearCounters.totals()) {
        const cut = name.indexOf('!');
        if (cut < 0) continue;
        const month = name.slice(0, cut);
        const kind = name.slice(cut + 1);
        const counts = months.get(month) ?? { month, shown: 0, resolved: 0, resolvedByEntry: {} };
        if (kind === SHOWN) counts.shown += count;
        else if (kind === RESOLVED) counts.resolved += count;
        else if (kind.startsWith(ENTRY_PREFIX)) counts.resolvedByEntry[kind.slice(ENTRY_PREFIX.length)] = (counts.resolvedByEntry[kind.slice(ENTRY_PREFIX.length)] ?? 0) + count;
        months.set(month, counts);
      }
      return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
    },
  };
}
