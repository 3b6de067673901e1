import { RestError } from '@azure/data-tables';
import type { ScheduleLeaseRepository } from '../domain/delivery-ports.js';
import type { SlotLease, SlotLeaseState } from '../domain/schedule-slots.js';
import { keys } from '../../kernel/storage/keys.js';
import { getEntityOrUndefined, toConcurrencyError, type TableStorage } from '../../kernel/storage/table-storage.js';

interface SlotLeaseEntity {
  job: string;
  slot: string;
  owner: string;
  state: SlotLeaseState;
  claimedAt: string;
  leaseUntil: string;
  finishedAt: string;
  error: string;
}

const toEntity = (lease: SlotLease) => ({
  ...keys.scheduleSlot(lease.job, lease.slot),
  job: lease.job,
  slot: lease.slot,
  owner: lease.owner,
  state: lease.state,
  claimedAt: lease.claimedAt,
  leaseUntil: lease.leaseUntil,
  finishedAt: lease.finishedAt ?? '',
  error: lease.error ?? '',
});

export function createScheduleLeaseRepository(storage: TableStorage): ScheduleLeaseRepository {
  const table = storage.client('ScheduleLeases');
  return {
    async get(job, slot) {
      const entity = await getEntityOrUndefined<SlotLeaseEntity>(table, keys.scheduleSlot(job, slot));
      if (!entity) return undefined;
      return {
        job: entity.job,
        slot: entity.slot,
        owner: entity.owner,
        state: entity.state,
        claimedAt: entity.claimedAt,
        leaseUntil: entity.leaseUntil,
        finishedAt: entity.finishedAt || undefined,
        error: entity.error || undefined,
        etag: entity.etag,
      };
    },
    async create(lease) {
      try {
        await table.createEntity(toEntity(lease));
        return true;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 409) return false;
        throw error;
      }
    },
    async update(lease) {
      try {
        await table.updateEntity(toEntity(lease), 'Replace', { etag: lease.etag });
      } catch (error) {
        throw toConcurrencyError(error, `schedule slot ${lease.job}/${lease.slot}`);
      }
    },
  };
}
