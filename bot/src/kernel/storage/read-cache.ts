import { setBounded } from '../domain/bounded-map.js';

/**
 * How long an instance may serve a shared read (catalog, sessions, department names, the open survey round, the
 * desk channel) without asking storage again. An edit made through this instance is seen at once (the repository
 * that writes invalidates); an edit made through another instance is seen here within this time.
 */
export const SHARED_READ_TTL_MS = 3_000;

export interface ReadCache<V> {
  /** The cached value for `key`, or the one `load` reads; callers arriving while a load is in flight share it. */
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets `key` (or everything): the next get reads storage. A load already in flight is not cached. */
  invalidate(key?: string): void;
}

/**
 * A small in-process cache for reads many turns repeat. Single-flight, so 200 turns arriving at once cost one
 * storage read, not 200; bounded, oldest entry out first; a failed load is not cached. Refresh-ahead: once an
 * entry is past half its TTL, the next get still answers from it and starts one background read that replaces it,
 * so a key in steady use is never reloaded while a crowd waits on it (a reload is a list read that every turn of
 * the wave would queue behind). No value older than the TTL is served: past it, a get waits for a fresh read.
 */
export function createReadCache<V>(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): ReadCache<V> {
  const ttlMs = options.ttlMs ?? SHARED_READ_TTL_MS;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  type Entry = { value: Promise<V>; loadedAt: number; refreshing: boolean };
  const entries = new Map<string, Entry>();

  function store(key: string, value: Promise<V>): Entry {
    const entry: Entry = { value, loadedAt: now(), refreshing: false };
    setBounded(entries, key, entry, maxEntries);
    // A failed read is not remembered; neither is one that an invalidation overtook (the entry is gone or newer).
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry;
  }

  function refresh(key: string, entry: Entry, load: () => Promise<V>): void {
    entry.refreshing = true;
    const startedAt = now();
    load().then(
      (value) => {
        // Only over the entry it refreshes: an invalidation (an edit) or a newer load since then wins.
        if (entries.get(key) !== entry) return;
        entries.set(key, { value: Promise.resolve(value), loadedAt: startedAt, refreshing: false });
      },
      () => {
        // The entry stays until its TTL; the next get past half of it tries again.
        entry.refreshing = false;
      },
    );
  }

  return {
    get(key, load) {
      const cached = entries.get(key);
      const age = cached ? now() - cached.loadedAt : Infinity;
      if (cached && age < ttlMs) {
        if (age >= ttlMs / 2 && !cached.refreshing) refresh(key, cached, load);
        return cached.value;
      }
      return store(key, load()).value;
    },
    invalidate(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
