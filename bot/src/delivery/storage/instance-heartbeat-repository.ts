import { odata } from '@azure/data-tables';
import type { InstanceHeartbeat } from '../domain/delivery.js';
import type { HeldWorkItem, InstanceHeartbeatRepository } from '../domain/delivery-ports.js';
import { keys } from '../../kernel/storage/keys.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../kernel/storage/table-storage.js';

interface HeartbeatEntity {
  instanceId: string;
  run: string;
  beatAt: string;
  heldJson: string;
}

// Heartbeats are leases of a kind: they live in the ScheduleLeases table, in a partition of their own (one row per
// instance, rewritten every few seconds by that instance only: no hot row).
const PARTITION = 'delivery-instance-heartbeats';
const keyOf = (instanceId: string) => keys.scheduleSlot(PARTITION, instanceId);

export function createInstanceHeartbeatRepository(storage: TableStorage): InstanceHeartbeatRepository {
  const table = storage.client('ScheduleLeases');
  return {
    async beat(instanceId, heartbeat, held) {
      await table.upsertEntity(
        { ...keyOf(instanceId), instanceId, run: heartbeat.run, beatAt: heartbeat.beatAt.toISOString(), heldJson: JSON.stringify(held) },
        'Replace',
      );
    },
    async get(instanceId) {
      const entity = await getEntityOrUndefined<HeartbeatEntity>(table, keyOf(instanceId));
      if (!entity) return undefined;
      return { run: entity.run, beatAt: new Date(entity.beatAt), held: JSON.parse(entity.heldJson || '[]') as HeldWorkItem[] };
    },
    async all() {
      const { partitionKey } = keyOf('');
      const rows = await listAll<HeartbeatEntity>(table, odata`PartitionKey eq ${partitionKey}`);
      return new Map(rows.map((row): [string, InstanceHeartbeat] => [row.instanceId, { run: row.run, beatAt: new Date(row.beatAt) }]));
    },
  };
}
