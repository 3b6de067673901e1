import { odata, RestError, type TransactionAction } from '@azure/data-tables';
import type { Delivery, DeliveryState, OutgoingMessage } from '../domain/delivery.js';
import type { DeliveryRepository } from '../domain/delivery-ports.js';
import { keys } from '../../kernel/storage/keys.js';
import { getEntityOrUndefined, listAll, toConcurrencyError, type TableStorage } from '../../kernel/storage/table-storage.js';

type DeliveryEntity = {
  broadcastId: string;
  employeeId: string;
  state: DeliveryState;
  variant: string;
  messageJson: string;
  attempts: number;
  throttled: number;
  nextAttemptAt: string;
  claimedBy: string;
  claimRun?: string;
  claimExpiresAt: string;
  inDoubt: number;
  /** 0 when no HTTP status was seen. */
  lastStatus: number;
  reason: string;
  sentAt: string;
  activityId: string;
  updatedAt: string;
};

// One string property holds 32K UTF-16 units; a 28 KB card is at most 28K of them.
const MAX_MESSAGE_CHARS = 32_000;
// Entity group transactions take at most 100 rows of one partition.
const TRANSACTION_ROWS = 100;
const PARALLEL_TRANSACTIONS = 8;

const orEmpty = (value: string | undefined) => value ?? '';
const orUndefined = (value: string) => value || undefined;

function toEntity(delivery: Delivery): DeliveryEntity & { partitionKey: string; rowKey: string } {
  const messageJson = delivery.message ? JSON.stringify(delivery.message) : '';
  if (messageJson.length > MAX_MESSAGE_CHARS) {
    throw new Error(`message for ${delivery.employeeId} in ${delivery.broadcastId} is ${messageJson.length} characters (max ${MAX_MESSAGE_CHARS})`);
  }
  return {
    ...keys.delivery(delivery.broadcastId, delivery.employeeId),
    broadcastId: delivery.broadcastId,
    employeeId: delivery.employeeId,
    state: delivery.state,
    variant: delivery.variant,
    messageJson,
    attempts: delivery.attempts,
    throttled: delivery.throttled,
    nextAttemptAt: orEmpty(delivery.nextAttemptAt),
    claimedBy: orEmpty(delivery.claimedBy),
    claimRun: orEmpty(delivery.claimRun),
    claimExpiresAt: orEmpty(delivery.claimExpiresAt),
    inDoubt: delivery.inDoubt,
    lastStatus: delivery.lastStatus ?? 0,
    reason: orEmpty(delivery.reason),
    sentAt: orEmpty(delivery.sentAt),
    activityId: orEmpty(delivery.activityId),
    updatedAt: delivery.updatedAt,
  };
}

const toDelivery = (entity: DeliveryEntity): Delivery => ({
  broadcastId: entity.broadcastId,
  employeeId: entity.employeeId,
  state: entity.state,
  variant: entity.variant,
  message: entity.messageJson ? (JSON.parse(entity.messageJson) as OutgoingMessage) : undefined,
  attempts: entity.attempts,
  throttled: entity.throttled,
  nextAttemptAt: orUndefined(entity.nextAttemptAt),
  claimedBy: orUndefined(entity.claimedBy),
  claimRun: orUndefined(entity.claimRun ?? ''),
  claimExpiresAt: orUndefined(entity.claimExpiresAt),
  inDoubt: entity.inDoubt,
  lastStatus: entity.lastStatus || undefined,
  reason: orUndefined(entity.reason),
  sentAt: orUndefined(entity.sentAt),
  activityId: orUndefined(entity.activityId),
  updatedAt: entity.updatedAt,
});

const isConflict = (error: unknown) => error instanceof RestError && error.statusCode === 409;

export function createDeliveryRepository(storage: TableStorage): DeliveryRepository {
  const table = storage.client('Deliveries');

  async function insertChunk(chunk: ReturnType<typeof toEntity>[]) {
    try {
      await table.submitTransaction(chunk.map((entity): TransactionAction => ['create', entity]));
    } catch (error) {
      // A repeated expansion (a crash half-way, or a second click) finds some rows already there; one
      // conflict fails the whole transaction, so fall back to row by row and keep what exists.
      if (!isConflict(error)) throw error;
      for (const entity of chunk) {
        try {
          await table.createEntity(entity);
        } catch (rowError) {
          if (!isConflict(rowError)) throw rowError;
        }
      }
    }
  }

  return {
    async insertMissing(deliveries) {
      const byPartition = new Map<string, ReturnType<typeof toEntity>[]>();
      for (const delivery of deliveries) {
        const entity = toEntity(delivery);
        const rows = byPartition.get(entity.partitionKey) ?? [];
        rows.push(entity);
        byPartition.set(entity.partitionKey, rows);
      }
      const chunks: ReturnType<typeof toEntity>[][] = [];
      for (const rows of byPartition.values()) {
        for (let start = 0; start < rows.length; start += TRANSACTION_ROWS) chunks.push(rows.slice(start, start + TRANSACTION_ROWS));
      }
      let next = 0;
      const lane = async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++];
          if (chunk) await insertChunk(chunk);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_TRANSACTIONS }, lane));
    },
    async get(broadcastId, employeeId) {
      const entity = await getEntityOrUndefined<DeliveryEntity>(table, keys.delivery(broadcastId, employeeId));
      return entity && { ...toDelivery(entity), etag: entity.etag };
    },
    async getMany(broadcastId, employeeIds) {
      if (employeeIds.length === 0) return [];
      const rowKeys = employeeIds.map((employeeId) => keys.delivery(broadcastId, employeeId).rowKey).sort();
      const wanted = new Set(rowKeys);
      const { partitionKey } = keys.delivery(broadcastId, '');
      // Work items hold neighbouring recipients, so one range query reads the whole batch.
      const rows = await listAll<DeliveryEntity>(
        table,
        odata`PartitionKey eq ${partitionKey} and RowKey ge ${rowKeys[0]} and RowKey le ${rowKeys[rowKeys.length - 1]}`,
      );
      return rows.filter((row) => wanted.has(row.rowKey ?? '')).map((row) => ({ ...toDelivery(row), etag: row.etag }));
    },
    async list(broadcastId) {
      const { partitionKey } = keys.delivery(broadcastId, '');
      const rows = await listAll<DeliveryEntity>(table, odata`PartitionKey eq ${partitionKey}`);
      return rows.map(toDelivery);
    },
    async hasUnfinished(broadcastId) {
      const { partitionKey } = keys.delivery(broadcastId, '');
      const filter = odata`PartitionKey eq ${partitionKey} and (state eq ${'queued'} or state eq ${'sending'} or state eq ${'retrying'})`;
      const pages = table.listEntities<DeliveryEntity>({ queryOptions: { filter, select: ['state'] } }).byPage({ maxPageSize: 1 });
      for await (const page of pages) {
        if (page.length > 0) return true;
      }
      return false;
    },
    async removeAll(broadcastId) {
      const { partitionKey } = keys.delivery(broadcastId, '');
      const rows = await listAll<DeliveryEntity>(table, odata`PartitionKey eq ${partitionKey}`);
      for (let start = 0; start < rows.length; start += TRANSACTION_ROWS) {
        await table.submitTransaction(rows.slice(start, start + TRANSACTION_ROWS).map((row): TransactionAction => ['delete', { partitionKey, rowKey: row.rowKey! }]));
      }
    },
    async update(delivery) {
      try {
        const response = await table.updateEntity(toEntity(delivery), 'Replace', { etag: delivery.etag });
        return response.etag ?? '';
      } catch (error) {
        throw toConcurrencyError(error, `delivery ${delivery.broadcastId}/${delivery.employeeId}`);
      }
    },
  };
}
