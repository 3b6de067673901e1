import { odata } from '@azure/data-tables';
import type { Department } from '../domain/employee.js';
import type { DepartmentRepository } from '../domain/ports.js';
import { keys } from './keys.js';
import { getEntityOrUndefined, listAll, type TableStorage } from './table-storage.js';

interface DepartmentEntity {
  departmentId: string;
  name: string;
}

export function createDepartmentRepository(storage: TableStorage): DepartmentRepository {
  const table = storage.client('Departments');
  const toDepartment = (entity: DepartmentEntity): Department => ({ id: entity.departmentId, name: entity.name });
  return {
    async get(id) {
      const entity = await getEntityOrUndefined<DepartmentEntity>(table, keys.department(id));
      return entity && toDepartment(entity);
    },
    async save(department) {
      await table.upsertEntity({ ...keys.department(department.id), departmentId: department.id, name: department.name }, 'Replace');
    },
    async list() {
      const rows = await listAll<DepartmentEntity>(table, odata`PartitionKey eq ${'department'}`);
      return rows.map(toDepartment);
    },
  };
}
