import { odata, RestError, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from '../domain/categories.js';
import type { FaqRepository, FaqSnapshot, FaqWrite } from '../domain/faq-ports.js';
import { FAQ_FIELDS, FAQ_HISTORY_ACTIONS, FAQ_STATUSES, type FaqHistoryEntry, type StoredFaqEntry } from '../domain/faq-rules.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { faqRange, keys } from '../../../kernel/storage/keys.js';
import { createReadCache, SHARED_READ_TTL_MS } from '../../../kernel/storage/read-cache.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

/**
 * Table `FaqEntries`, ONE partition `faq`:
 *
 *   entry!<id>               an entry (live or retired; never deleted, so its history and counts stay readable)
 *   history!<id>!000003      who changed it, when, and each field before and after
 *   meta!generation          a number that moves on every change
 *   meta!seed                written once, with the shipped entries: later starts see it and load nothing
 *
 * One partition so every change (entry + history + generation) is one entity-group transaction, guarded by the
 * generation row's ETag: two admins saving at once cannot both pass the duplicate-question check, and a history
 * row never exists without its change. The FAQ is a few hundred rows at most; the chat never reads it per turn:
 * each instance reads the generation through a short shared-read cache and the entries only when it moved.
 */
interface EntryEntity {
  id: string;
  category: string;
  questionJa: string;
  questionEn: string;
  answerJa: string;
  answerEn: string;
  keywordsJson: string;
  status: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface HistoryEntity {
  entryId: string;
  version: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  changesJson: string;
}

// Rows may have been edited by hand in Storage Explorer: enum columns and JSON are checked on the way in.
const entryColumns = z.object({ category: z.enum(CONSULTATION_CATEGORIES), status: z.enum(FAQ_STATUSES), keywords: z.array(z.string()) });
const historyColumns = z.object({
  action: z.enum(FAQ_HISTORY_ACTIONS),
  changes: z.array(z.object({ field: z.enum(FAQ_FIELDS), before: z.string(), after: z.string() })),
});

function toEntry(row: EntryEntity): StoredFaqEntry {
  const columns = entryColumns.parse({ category: row.category, status: row.status, keywords: JSON.parse(row.keywordsJson) });
  return {
    id: row.id,
    category: columns.category,
    question: { ja: row.questionJa, en: row.questionEn ?? '' },
    answer: { ja: row.answerJa, en: row.answerEn ?? '' },
    keywords: columns.keywords,
    status: columns.status,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

function entryEntity(entry: StoredFaqEntry) {
  const entity: EntryEntity = {
    id: entry.id,
    category: entry.category,
    questionJa: entry.question.ja,
    questionEn: entry.question.en,
    answerJa: entry.answer.ja,
    answerEn: entry.answer.en,
    keywordsJson: JSON.stringify(entry.keywords),
    status: entry.status,
    version: entry.version,
    createdAt: entry.createdAt,
    createdBy: entry.createdBy,
    updatedAt: entry.updatedAt,
    updatedBy: entry.updatedBy,
  };
  return { ...keys.faqEntry(entry.id), ...entity };
}

function historyEntity(history: FaqHistoryEntry) {
  const entity: HistoryEntity = { ...history, changesJson: JSON.stringify(history.changes) };
  delete (entity as Partial<FaqHistoryEntry>).changes;
  return { ...keys.faqHistory(history.entryId, history.version), ...entity };
}

function toHistory(row: HistoryEntity): FaqHistoryEntry {
  const columns = historyColumns.parse({ action: row.action, changes: JSON.parse(row.changesJson) });
  return { entryId: row.entryId, version: row.version, at: row.at, actorId: row.actorId, actorName: row.actorName, action: columns.action, changes: columns.changes };
}

export function createFaqRepository(storage: TableStorage, options: { generationTtlMs?: number } = {}): FaqRepository {
  const table = storage.client('FaqEntries');
  const generationKey = keys.faqGeneration();
  const generationCache = createReadCache<number>({ maxEntries: 1, ttlMs: options.generationTtlMs ?? SHARED_READ_TTL_MS });
  const entries = faqRange('entry');

  /** The entries and the generation row (with its ETag), in one range read of the partition. */
  async function read(): Promise<FaqSnapshot & { generationEtag: string | undefined }> {
    const rows = await listAll<EntryEntity & { generation?: number }>(
      table,
      odata`PartitionKey eq ${entries.partitionKey} and ((RowKey ge ${entries.from} and RowKey lt ${entries.to}) or RowKey eq ${generationKey.rowKey})`,
    );
    const generationRow = rows.find((row) => row.rowKey === generationKey.rowKey);
    return {
      generation: generationRow?.generation ?? 0,
      generationEtag: generationRow?.etag,
      entries: rows.filter((row) => row.rowKey !== generationKey.rowKey).map(toEntry),
    };
  }

  const generationAction = (current: { generation: number; generationEtag: string | undefined }): TransactionAction =>
    current.generationEtag
      ? ['update', { ...generationKey, generation: current.generation + 1 }, 'Replace', { etag: current.generationEtag }]
      : ['create', { ...generationKey, generation: current.generation + 1 }];

  return {
    generation() {
      return generationCache.get('generation', async () => (await getEntityOrUndefined<{ generation: number }>(table, generationKey))?.generation ?? 0);
    },
    async snapshot() {
      const { generation, entries: stored } = await read();
      return { generation, entries: stored.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)) };
    },
    async change(decide) {
      const written = await withEtagRetry('faq change', 'turn', async () => {
        const current = await read();
        const write = decide({ generation: current.generation, entries: current.entries });
        if (!write) return undefined;
        await table.submitTransaction([generationAction(current), ['upsert', entryEntity(write.entry), 'Replace'], ['create', historyEntity(write.history)]]);
        return write;
      });
      generationCache.invalidate();
      return written;
    },
    async seedOnce(writes: readonly FaqWrite[]) {
      if (await getEntityOrUndefined(table, keys.faqSeedMarker())) return false;
      const current = await read();
      const actions: TransactionAction[] = [
        ['create', { ...keys.faqSeedMarker(), seededAt: writes[0]?.entry.createdAt ?? new Date().toISOString(), entries: writes.length }],
        generationAction(current),
        ...writes.flatMap((write): TransactionAction[] => [['create', entryEntity(write.entry)], ['create', historyEntity(write.history)]]),
      ];
      // Marker, generation, entries and their history in one transaction (at most 100 rows): all or nothing, and a
      // second instance starting at the same moment fails on the marker (409) and loads nothing.
      if (actions.length > 100) throw new Error(`the seed has ${writes.length} entries; one transaction holds at most 49`);
      try {
        await table.submitTransaction(actions);
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) return false;
        throw error;
      }
      generationCache.invalidate();
      return true;
    },
    async history(entryId) {
      const range = faqRange('history', entryId);
      const rows = await listAll<HistoryEntity>(table, odata`PartitionKey eq ${range.partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`);
      return rows.map(toHistory).sort((a, b) => a.version - b.version);
    },
  };
}
