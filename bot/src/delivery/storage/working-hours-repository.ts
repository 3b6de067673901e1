import type { WorkingHoursRepository } from '../domain/delivery-ports.js';
import type { WorkingHours } from '../domain/working-hours.js';
import { keys } from '../../kernel/storage/keys.js';
import { getEntityOrUndefined, type TableStorage } from '../../kernel/storage/table-storage.js';

/** One row: the hours デジタル推進課 set (the last save wins; only admins write it). */
export function createWorkingHoursRepository(storage: TableStorage): WorkingHoursRepository {
  const table = storage.client('DeliverySettings');
  return {
    async get() {
      const row = await getEntityOrUndefined<{ start: string; end: string }>(table, keys.deliveryWorkingHours());
      return row ? { start: row.start, end: row.end } : undefined;
    },
    async save(hours: WorkingHours) {
      await table.upsertEntity({ ...keys.deliveryWorkingHours(), start: hours.start, end: hours.end }, 'Replace');
    },
  };
}
