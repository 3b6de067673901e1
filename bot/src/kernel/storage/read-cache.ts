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
 * storage read, not 200; bounded, oldest entry out first; a failed load is not cached.
 */
export function createReadCache<V>(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): ReadCache<V> {
  const ttlMs = options.ttlMs ?? SHARED_READ_TTL_MS;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>();
  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.value;
      const value = load();
      const entry = { value, expiresAt: now() + ttlMs };
      if (entries.size >= maxEntries && !entries.has(key)) entries.delete(entries.keys().next().value!);
      entries.set(key, entry);
      // A failed read is not remembered; neither is one that an invalidation overtook (the entry is gone or newer).
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    invalidate(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
