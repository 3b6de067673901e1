import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { JOB_LEVELS } from '../../../kernel/domain/catalog/job-levels.js';
import { keys, sanitizeKey } from '../../../kernel/storage/keys.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';
import type { DirectoryAuditEntry, DirectoryAuditRepository, EntraProfileRecord, EntraProfileRepository, StaffDirectoryRepository } from '../domain/directory-ports.js';
import type { StaffRecord, TransferRecord } from '../domain/roster-diff.js';
import { STAFF_STATUSES } from '../domain/roster-rows.js';

/** Table Storage takes at most 100 operations per transaction, all in one partition. */
const BATCH_SIZE = 100;

const staffEntitySchema = z.object({
  staffNumber: z.string(),
  name: z.string(),
  division: z.string(),
  section: z.string(),
  jobLevel: z.enum(JOB_LEVELS),
  upn: z.string(),
  status: z.enum(STAFF_STATUSES),
  employeeId: z.string().optional(),
  updatedAt: z.string(),
  leftOn: z.string().optional(),
});

const promoterSchema = z.object({ departmentId: z.string(), staffNumber: z.string(), assignedBy: z.string(), assignedAt: z.string() });

const placementSchema = z.object({ division: z.string(), section: z.string(), jobLevel: z.enum(JOB_LEVELS) });

function toStaffEntity(record: StaffRecord) {
  const { employeeId, leftOn, ...rest } = record;
  return { ...keys.staffRecord(record.staffNumber), ...rest, employeeId: employeeId ?? '', leftOn: leftOn ?? '' };
}

function toStaffRecord(entity: unknown): StaffRecord {
  const parsed = staffEntitySchema.parse(entity);
  return { ...parsed, employeeId: parsed.employeeId || undefined, leftOn: parsed.leftOn || undefined };
}

async function submitInBatches(table: TableClient, actions: TransactionAction[]): Promise<void> {
  for (let start = 0; start < actions.length; start += BATCH_SIZE) {
    await table.submitTransaction(actions.slice(start, start + BATCH_SIZE));
  }
}

export function createStaffDirectoryRepository(storage: TableStorage): StaffDirectoryRepository {
  const table = storage.client('StaffDirectory');
  return {
    async listStaff() {
      return (await listAll(table, odata`PartitionKey eq ${'staff'}`)).map(toStaffRecord);
    },
    async findByUpn(upn) {
      const index = await getEntityOrUndefined<{ staffNumber: string }>(table, keys.staffByUpn(upn));
      if (!index) return undefined;
      const entity = await getEntityOrUndefined(table, keys.staffRecord(index.staffNumber));
      const record = entity && toStaffRecord(entity);
      // An index row left by an e-mail change points at someone whose address is now another one.
      return record?.upn === upn ? record : undefined;
    },
    async write({ records, previousUpns, transfers }) {
      const staff: TransactionAction[] = records.map((record) => ['upsert', toStaffEntity(record), 'Replace']);
      const upns: TransactionAction[] = records
        .filter((record) => previousUpns.get(record.staffNumber) !== record.upn)
        .map((record) => ['upsert', { ...keys.staffByUpn(record.upn), staffNumber: record.staffNumber }, 'Replace']);
      const transferRows: TransactionAction[] = transfers.map((transfer) => [
        'upsert',
        {
          ...keys.staffTransfer(transfer.staffNumber, transfer.effectiveDate, transfer.importId),
          staffNumber: transfer.staffNumber,
          name: transfer.name,
          fromJson: JSON.stringify(transfer.from),
          toJson: JSON.stringify(transfer.to),
          effectiveDate: transfer.effectiveDate,
          importId: transfer.importId,
        },
        'Replace',
      ]);
      await submitInBatches(table, staff);
      await submitInBatches(table, upns);
      await submitInBatches(table, transferRows);
      return staff.length + upns.length + transferRows.length;
    },
    async link(staffNumber, employeeId) {
      await table.updateEntity({ ...keys.staffRecord(staffNumber), employeeId }, 'Merge');
    },
    async listPromoters() {
      return (await listAll(table, odata`PartitionKey eq ${'promoter'}`)).map((row) => promoterSchema.parse(row));
    },
    async getPromoter(departmentId) {
      const row = await getEntityOrUndefined(table, keys.promoterAssignment(departmentId));
      return row && promoterSchema.parse(row);
    },
    async setPromoter(departmentId, assignment) {
      if (assignment) await table.upsertEntity({ ...keys.promoterAssignment(departmentId), ...assignment }, 'Replace');
      else {
        try {
          await table.deleteEntity(keys.promoterAssignment(departmentId).partitionKey, keys.promoterAssignment(departmentId).rowKey);
        } catch (error) {
          if (!(error instanceof RestError && error.statusCode === 404)) throw error;
        }
      }
    },
    async listTransfers(staffNumber) {
      const prefix = `${sanitizeKey(staffNumber).replace(/!/g, '%21')}!`;
      const rows = await listAll<Record<string, string>>(
        table,
        odata`PartitionKey eq ${'transfer'} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}"`}`,
      );
      return rows.map(toTransfer);
    },
    async listAllTransfers() {
      return (await listAll<Record<string, string>>(table, odata`PartitionKey eq ${'transfer'}`)).map(toTransfer);
    },
  };
}

const toTransfer = (row: Record<string, string>): TransferRecord => ({
  staffNumber: String(row.staffNumber),
  name: String(row.name),
  from: placementSchema.parse(JSON.parse(String(row.fromJson))),
  to: placementSchema.parse(JSON.parse(String(row.toJson))),
  effectiveDate: String(row.effectiveDate),
  importId: String(row.importId),
});

const auditSchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.enum(['roster-import', 'role-granted', 'role-revoked', 'promoter-assigned', 'promoter-unassigned']),
  detail: z.string(),
  detailEn: z.string().optional(),
});

export function createDirectoryAuditRepository(storage: TableStorage): DirectoryAuditRepository {
  const table = storage.client('DirectoryAudit');
  return {
    async append(entry: DirectoryAuditEntry) {
      const { detailEn, ...rest } = entry;
      await table.createEntity({ ...keys.directoryAudit(new Date(entry.at), randomUUID()), ...rest, ...(detailEn === undefined ? {} : { detailEn }) });
    },
    async list(limit) {
      const entries: DirectoryAuditEntry[] = [];
      for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'audit'}` } })) {
        entries.push(auditSchema.parse(row));
        if (entries.length >= limit) break;
      }
      return entries;
    },
  };
}

const entraProfileSchema = z.object({
  employeeId: z.string(),
  department: z.string().optional(),
  jobTitle: z.string().optional(),
  staffEmployeeId: z.string().optional(),
  mail: z.string().optional(),
  filled: z.string(),
  source: z.literal('microsoft-graph-me'),
  fetchedAt: z.string(),
});

/** What Microsoft Graph said about a person the roster did not cover, one row per identity (StaffDirectory table). */
export function createEntraProfileRepository(storage: TableStorage): EntraProfileRepository {
  const table = storage.client('StaffDirectory');
  const key = (employeeId: string) => ({ partitionKey: 'entra-profile', rowKey: sanitizeKey(employeeId) });
  return {
    async get(employeeId) {
      const row = await getEntityOrUndefined(table, key(employeeId));
      if (!row) return undefined;
      const parsed = entraProfileSchema.parse(row);
      return {
        employeeId: parsed.employeeId,
        profile: { department: parsed.department, jobTitle: parsed.jobTitle, employeeId: parsed.staffEmployeeId, mail: parsed.mail },
        filled: z.array(z.enum(['departmentId', 'jobLevel', 'email'])).parse(JSON.parse(parsed.filled)),
        source: parsed.source,
        fetchedAt: parsed.fetchedAt,
      } satisfies EntraProfileRecord;
    },
    async save(record) {
      const { department, jobTitle, employeeId, mail } = record.profile;
      await table.upsertEntity(
        {
          ...key(record.employeeId),
          employeeId: record.employeeId,
          ...(department === undefined ? {} : { department }),
          ...(jobTitle === undefined ? {} : { jobTitle }),
          ...(employeeId === undefined ? {} : { staffEmployeeId: employeeId }),
          ...(mail === undefined ? {} : { mail }),
          filled: JSON.stringify(record.filled),
          source: record.source,
          fetchedAt: record.fetchedAt,
        },
        'Replace',
      );
    },
  };
}

