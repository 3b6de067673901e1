import type { Broadcast, DeliveryCounts } from '../domain/delivery.js';
import type { BroadcastContent, BroadcastRepository } from '../domain/delivery-ports.js';
import { keys } from '../../kernel/storage/keys.js';
import { getEntityOrUndefined, listAll, toConcurrencyError, type TableStorage } from '../../kernel/storage/table-storage.js';
import { RestError } from '@azure/data-tables';

interface BroadcastEntity {
  broadcastId: string;
  kind: string;
  createdBy: string;
  title: string;
  audience: string;
  createdAt: string;
  state: Broadcast['state'];
  recipientCount: number;
  completedAt?: string;
  finalCountsJson?: string;
  /** Absent on rows written before counts-only reports existed. */
  countsOnly?: boolean;
  notBefore?: string;
  contentParts: number;
  [contentPart: `content${number}`]: string;
}

// A string property holds at most 64 KiB (32K UTF-16 units); two 28 KB card variants need several.
const CONTENT_PART_CHARS = 30_000;

const toBroadcast = (entity: BroadcastEntity): Broadcast => ({
  id: entity.broadcastId,
  kind: entity.kind,
  createdBy: entity.createdBy,
  title: entity.title,
  audience: entity.audience,
  createdAt: entity.createdAt,
  state: entity.state,
  recipientCount: entity.recipientCount,
  completedAt: entity.completedAt || undefined,
  finalCounts: entity.finalCountsJson ? (JSON.parse(entity.finalCountsJson) as DeliveryCounts) : undefined,
  countsOnly: entity.countsOnly === true,
  notBefore: entity.notBefore || undefined,
});

const summaryFields = (broadcast: Broadcast) => ({
  ...keys.broadcast(broadcast.id),
  broadcastId: broadcast.id,
  kind: broadcast.kind,
  createdBy: broadcast.createdBy,
  title: broadcast.title,
  audience: broadcast.audience,
  createdAt: broadcast.createdAt,
  state: broadcast.state,
  recipientCount: broadcast.recipientCount,
  completedAt: broadcast.completedAt ?? '',
  finalCountsJson: broadcast.finalCounts ? JSON.stringify(broadcast.finalCounts) : '',
  countsOnly: broadcast.countsOnly,
  notBefore: broadcast.notBefore ?? '',
});

export function createBroadcastRepository(storage: TableStorage): BroadcastRepository {
  const table = storage.client('Broadcasts');
  return {
    async create(broadcast, content) {
      const json = JSON.stringify(content);
      const parts: Record<string, string> = {};
      for (let index = 0; index * CONTENT_PART_CHARS < json.length; index++) {
        parts[`content${index}`] = json.slice(index * CONTENT_PART_CHARS, (index + 1) * CONTENT_PART_CHARS);
      }
      try {
        await table.createEntity({ ...summaryFields(broadcast), contentParts: Object.keys(parts).length, ...parts });
        return 'created';
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 409) return 'exists';
        throw error;
      }
    },
    async get(id) {
      const entity = await getEntityOrUndefined<BroadcastEntity>(table, keys.broadcast(id));
      return entity && { ...toBroadcast(entity), etag: entity.etag };
    },
    async content(id) {
      const entity = await getEntityOrUndefined<BroadcastEntity>(table, keys.broadcast(id));
      if (!entity) return undefined;
      let json = '';
      for (let index = 0; index < entity.contentParts; index++) json += entity[`content${index}`] ?? '';
      return JSON.parse(json) as BroadcastContent;
    },
    async update(broadcast) {
      try {
        // Merge keeps the content parts; only the summary changes after creation.
        await table.updateEntity(summaryFields(broadcast), 'Merge', { etag: broadcast.etag });
      } catch (error) {
        throw toConcurrencyError(error, `broadcast ${broadcast.id}`);
      }
    },
    async list() {
      const rows = await listAll<BroadcastEntity>(table);
      return rows.map(toBroadcast).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
