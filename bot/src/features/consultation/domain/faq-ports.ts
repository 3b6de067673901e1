import type { FaqHistoryEntry, StoredFaqEntry } from './faq-rules.js';

/** Every FAQ entry (live and retired) as of one generation of the FAQ. */
export interface FaqSnapshot {
  /** Moves on every change: an instance whose search index was built from an older generation rebuilds it. */
  generation: number;
  entries: StoredFaqEntry[];
}

/** One change to the FAQ: the entry as it becomes and its history entry, written together. */
export interface FaqWrite {
  entry: StoredFaqEntry;
  history: FaqHistoryEntry;
}

/**
 * The FAQ in storage. A change re-reads the FAQ, lets `decide` check it against what is there now (duplicates,
 * the version the admin edited), and writes the entry, its history entry and the next generation together,
 * guarded by the generation's ETag; a lost race runs `decide` again on the new state.
 */
export interface FaqRepository {
  /** The current generation, as this instance last read it (a short shared-read cache; a change here forgets it). */
  generation(): Promise<number>;
  snapshot(): Promise<FaqSnapshot>;
  /** `decide` returns undefined when there is nothing to write (an edit that changed nothing). */
  change(decide: (current: FaqSnapshot) => FaqWrite | undefined): Promise<FaqWrite | undefined>;
  /** Loads the shipped entries once ever (a marker row), never over an edit; false when they were loaded before. */
  seedOnce(writes: readonly FaqWrite[]): Promise<boolean>;
  /** Oldest first. */
  history(entryId: string): Promise<FaqHistoryEntry[]>;
}
