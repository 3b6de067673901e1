import { odata, RestError } from '@azure/data-tables';
import { z } from 'zod';
import { JOB_LEVELS } from '../domain/catalog/job-levels.js';
import { SKILL_IDS } from '../domain/catalog/skills.js';
import { countsAsStaff, DIRECTORY_STATUSES, ROLES, type Employee } from '../domain/employee.js';
import type { EmployeeRepository } from '../domain/ports.js';
import { keys } from './keys.js';
import { replaceOrCreate, withEtagRetry } from './etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from './table-storage.js';

interface EmployeeEntity {
  employeeId: string;
  displayName: string;
  email?: string;
  departmentId?: string;
  jobLevel?: string;
  rolesJson: string;
  locale?: string;
  preferredLocale?: string;
  tenantId?: string;
  installedAt?: string;
  staffNumber?: string;
  directoryStatus?: string;
  tokenRolesJson?: string;
  skillSummaryJson?: string;
}

// Rows may have been written by an older version or by hand in Storage Explorer: read them defensively.
const rolesSchema = z.array(z.enum(ROLES)).catch(['employee']);
const jobLevelSchema = z.enum(JOB_LEVELS).optional().catch(undefined);
const preferredLocaleSchema = z.enum(['ja', 'en']).optional().catch(undefined);
const directoryStatusSchema = z.enum(DIRECTORY_STATUSES).optional().catch(undefined);
// A copy that does not parse counts as no copy: the assessment itself is read again and the copy rewritten.
const skillSummarySchema = z
  .object({
    ticked: z.array(z.string().max(100)).max(1_000),
    goals: z.partialRecord(z.enum(SKILL_IDS), z.union([z.literal(1), z.literal(2), z.literal(3)])),
  })
  .optional()
  .catch(undefined);
const parseJson = (text: string | undefined): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

function toEmployee(entity: EmployeeEntity): Employee {
  return {
    id: entity.employeeId,
    displayName: entity.displayName,
    email: entity.email || undefined,
    departmentId: entity.departmentId || undefined,
    jobLevel: jobLevelSchema.parse(entity.jobLevel || undefined),
    roles: rolesSchema.parse(JSON.parse(entity.rolesJson || '[]')),
    locale: entity.locale || undefined,
    preferredLocale: preferredLocaleSchema.parse(entity.preferredLocale || undefined),
    tenantId: entity.tenantId || undefined,
    installedAt: entity.installedAt || undefined,
    staffNumber: entity.staffNumber || undefined,
    directoryStatus: directoryStatusSchema.parse(entity.directoryStatus || undefined),
    tokenRoles: entity.tokenRolesJson ? z.array(z.enum(ROLES)).catch([]).parse(JSON.parse(entity.tokenRolesJson)) : undefined,
    skillSummary: skillSummarySchema.parse(parseJson(entity.skillSummaryJson)),
  };
}

function toEntity(employee: Employee) {
  return {
    ...keys.employee(employee.id),
    employeeId: employee.id,
    displayName: employee.displayName,
    email: employee.email ?? '',
    departmentId: employee.departmentId ?? '',
    jobLevel: employee.jobLevel ?? '',
    rolesJson: JSON.stringify(employee.roles),
    locale: employee.locale ?? '',
    preferredLocale: employee.preferredLocale ?? '',
    tenantId: employee.tenantId ?? '',
    installedAt: employee.installedAt ?? '',
    staffNumber: employee.staffNumber ?? '',
    directoryStatus: employee.directoryStatus ?? '',
    tokenRolesJson: employee.tokenRoles ? JSON.stringify(employee.tokenRoles) : '',
    skillSummaryJson: employee.skillSummary ? JSON.stringify(employee.skillSummary) : '',
  };
}


export function createEmployeeRepository(storage: TableStorage): EmployeeRepository {
  const table = storage.client('Employees');
  const listEveryone = async () => {
    // Every employee row is RowKey 'profile'; the filter keeps other row kinds out if they are added later.
    const rows = await listAll<EmployeeEntity>(table, odata`RowKey eq ${'profile'}`);
    return rows.map(toEmployee);
  };
  return {
    async get(id) {
      const entity = await getEntityOrUndefined<EmployeeEntity>(table, keys.employee(id));
      return entity && toEmployee(entity);
    },
    async save(employee) {
      await table.upsertEntity(toEntity(employee), 'Replace');
    },
    async update(id, change) {
      return withEtagRetry(`employee ${id}`, 'turn', async () => {
        const current = await getEntityOrUndefined<EmployeeEntity>(table, keys.employee(id));
        const before = current && toEmployee(current);
        const next = await change(before);
        // Most turns change nothing (same name, locale and tenant): skip the write and its round trip.
        if (before && JSON.stringify(toEntity(before)) === JSON.stringify(toEntity(next))) return next;
        await replaceOrCreate(table, toEntity(next), current?.etag);
        return next;
      });
    },
    async setSkillSummary(id, summary) {
      // A Merge of the one column: no read, and nobody else's columns are touched.
      try {
        await table.updateEntity({ ...keys.employee(id), skillSummaryJson: JSON.stringify(summary) }, 'Merge');
        return true;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return false;
        throw error;
      }
    },
    async list() {
      return (await listEveryone()).filter(countsAsStaff);
    },
    listEveryone,
  };
}
