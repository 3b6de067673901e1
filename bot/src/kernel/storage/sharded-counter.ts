import { odata, type TableClient } from '@azure/data-tables';
import { withEtagRetry } from './etag-update.js';
import { sanitizeKey } from './keys.js';
import { getEntityOrUndefined, listAll } from './table-storage.js';

interface CounterEntity {
  count: number;
}

/** Shard rows are `<name>@<n>`: the last `@` followed only by digits ends the name. */
const SHARD_SEPARATOR = '@';

export interface ShardedCounters {
  /** Counts `by` for `name` without waiting for storage: increments made meanwhile are folded into one write. */
  add(name: string, by?: number): void;
  /** Resolves when every increment counted so far in this instance is stored (readers call it first). */
  settled(): Promise<void>;
  /** Every counter in the partition, shards summed (a row from before sharding, `<name>` alone, counts too). */
  totals(): Promise<Map<string, number>>;
}

/**
 * Counters that many turns bump at once (FAQ cards shown, 「解決しました」 presses) without a hot row: each instance
 * folds the increments that arrive while its previous write is in flight into one write, and each write goes to
 * one of `shards` rows picked at random, so instances rarely race for a row's ETag. The total is the sum of the
 * shard rows on read. A crash loses at most the increments not yet written, which statistics can afford.
 */
export function createShardedCounters(table: TableClient, options: { partitionKey: string; shards?: number }): ShardedCounters {
  const shards = options.shards ?? 8;
  const pending = new Map<string, number>();
  const writing = new Map<string, Promise<void>>();

  async function write(name: string, delta: number): Promise<void> {
    const key = { partitionKey: options.partitionKey, rowKey: `${sanitizeKey(name)}${SHARD_SEPARATOR}${Math.floor(Math.random() * shards)}` };
    await withEtagRetry(`counter ${name}`, 'contended', async () => {
      const current = await getEntityOrUndefined<CounterEntity>(table, key);
      if (current) await table.updateEntity({ ...key, count: current.count + delta }, 'Replace', { etag: current.etag });
      else await table.createEntity({ ...key, count: delta });
    });
  }

  /** One writer per counter per instance: drains what is pending, then whatever arrived while it wrote. */
  function drain(name: string): Promise<void> {
    const running = (async () => {
      for (let delta = pending.get(name) ?? 0; delta > 0; delta = pending.get(name) ?? 0) {
        pending.delete(name);
        try {
          await write(name, delta);
        } catch (error) {
          // Keep the count for the next increment or reader to retry; a statistic must not fail a turn.
          pending.set(name, (pending.get(name) ?? 0) + delta);
          throw error;
        }
      }
    })().finally(() => writing.delete(name));
    writing.set(name, running);
    running.catch(() => undefined);
    return running;
  }

  return {
    add(name, by = 1) {
      pending.set(name, (pending.get(name) ?? 0) + by);
      if (!writing.has(name)) void drain(name);
    },
    async settled() {
      // Drain again anything a failed write left pending, then wait for every writer.
      for (const name of pending.keys()) if (!writing.has(name)) void drain(name);
      await Promise.all([...writing.values()]);
    },
    async totals() {
      const rows = await listAll<CounterEntity>(table, odata`PartitionKey eq ${options.partitionKey}`);
      const totals = new Map<string, number>();
      for (const row of rows) {
        const rowKey = row.rowKey ?? '';
        const cut = rowKey.lastIndexOf(SHARD_SEPARATOR);
        const name = decodeURIComponent(cut >= 0 && /^\d+$/.test(rowKey.slice(cut + 1)) ? rowKey.slice(0, cut) : rowKey);
        totals.set(name, (totals.get(name) ?? 0) + (row.count ?? 0));
      }
      return totals;
    },
  };
}
