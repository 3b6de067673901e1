import { performance, type PerformanceEntry } from 'node:perf_hooks';

/** A garbage collection of one thread: its absolute start (ms, comparable across threads), duration and V8 kind. */
export interface Collection {
  startedAt: number;
  durationMs: number;
  kind: number | undefined;
}

/** A `gc` performance entry as the benches read it; Node puts the kind in `detail`, which its type does not declare. */
export const collectionOf = (entry: PerformanceEntry): Collection => ({
  startedAt: performance.timeOrigin + entry.startTime,
  durationMs: entry.duration,
  kind: (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind,
});
