import { odata } from '@azure/data-tables';
import type { Department } from '../domain/employee.js';
import type { DepartmentRepository } from '../domain/ports.js';
import { keys } from './keys.js';
import { createReadCache } from './read-cache.js';
import { getEntityOrUndefined, listAll, type TableStorage } from './table-storage.js';

interface DepartmentEntity {
  departmentId: string;
  name: string;
}

export function createDepartmentRepository(storage: TableStorage): DepartmentRepository {
  const table = storage.client('Departments');
  const toDepartment = (entity: DepartmentEntity): Department => ({ id: entity.departmentId, name: entity.name });
  // Every turn names the person's department: about 100 names, read from storage once per instance per TTL.
  const names = createReadCache<Department | undefined>({ maxEntries: 500 });
  return {
    get(id) {
      return names.get(id, async () => {
        const entity = await getEntityOrUndefined<DepartmentEntity>(table, keys.department(id));
        return entity && toDepartment(entity);
      });
    },
    async save(department) {
      await table.upsertEntity({ ...keys.department(department.id), departmentId: department.id, name: department.name }, 'Replace');
      names.invalidate(department.id);
    },
    async list() {
      const rows = await listAll<DepartmentEntity>(table, odata`PartitionKey eq ${'department'}`);
      return rows.map(toDepartment);
    },
  };
}
