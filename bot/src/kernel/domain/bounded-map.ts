/**
 * Sets `key` in a map kept to at most `max` entries: a new key past the limit lets the oldest entry go first (a Map
 * keeps insertion order). What the process keeps per key (clients, formatted times, cached reads) stays bounded
 * however many keys a long-running instance meets.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
