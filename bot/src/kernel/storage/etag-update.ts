import type { TableClient, TableEntity } from '@azure/data-tables';
import { ConcurrencyError } from '../domain/errors.js';
import { toConcurrencyError } from './table-storage.js';

/**
 * How hard a write fights for its row: `turn` for a row one person's turns or one admin's edits write (a lost race
 * is rare; give up soon and let the caller see the ConcurrencyError), `contended` for rows many write at once
 * (a session's seats, a round, a ticket counter, a shared tally).
 */
export type Contention = 'turn' | 'contended';
const MAX_ATTEMPTS: Record<Contention, number> = { turn: 5, contended: 100 };

/**
 * The one ETag-guarded read-modify-write. `attempt` reads, decides and writes with the ETag it read; a lost race
 * (412, or 409 on a create) runs it again from the read after a short random pause, until the contention's limit;
 * anything else, and whatever the decision throws, reaches the caller unchanged.
 */
export async function withEtagRetry<T>(what: string, contention: Contention, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const mapped = toConcurrencyError(error, what);
      if (!(mapped instanceof ConcurrencyError) || tries >= MAX_ATTEMPTS[contention]) throw mapped;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
    }
  }
}

/** Writes `entity` over the row read with `etag`, or creates it when there was none (a concurrent create is a 409). */
export async function replaceOrCreate<T extends object>(table: TableClient, entity: TableEntity<T>, etag: string | undefined): Promise<void> {
  if (etag) await table.updateEntity(entity, 'Replace', { etag });
  else await table.createEntity(entity);
}
