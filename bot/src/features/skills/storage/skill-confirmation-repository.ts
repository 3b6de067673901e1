import { odata } from '@azure/data-tables';
import { ConcurrencyError } from '../../../kernel/domain/errors.js';
import { z } from 'zod';
import { SKILL_IDS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import { sanitizeKey } from '../../../kernel/storage/keys.js';
import { listAll, getEntityOrUndefined, toConcurrencyError, type TableStorage } from '../../../kernel/storage/table-storage.js';
import type { SkillConfirmation } from '../domain/skill-confirmation.js';
import type { SkillConfirmationRepository } from '../domain/skills-ports.js';

const CURRENT_PREFIX = 'confirm-';
const LOG_PREFIX = 'confirmlog-';

const rowSchema = z.object({
  employeeId: z.string(),
  skillId: z.enum(SKILL_IDS),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  status: z.enum(['self-assessed', 'pending', 'confirmed', 'returned']),
  route: z.enum(['supervisor', 'promoter', 'none']),
  departmentId: z.string().optional().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().optional().nullable(),
  decidedByName: z.string().optional().nullable(),
  decidedAt: z.string().optional().nullable(),
  comment: z.string().optional().nullable(),
});

const toConfirmation = (row: unknown): SkillConfirmation | undefined => {
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success) return undefined;
  const value = parsed.data;
  return {
    employeeId: value.employeeId,
    skillId: value.skillId,
    level: value.level,
    status: value.status,
    route: value.route,
    departmentId: value.departmentId ?? undefined,
    requestedAt: value.requestedAt,
    decidedBy: value.decidedBy ?? undefined,
    decidedByName: value.decidedByName ?? undefined,
    decidedAt: value.decidedAt ?? undefined,
    comment: value.comment ?? undefined,
  };
};
const parsedRows = (rows: unknown[]) => rows.flatMap((row) => toConfirmation(row) ?? []);

/**
 * Rows live in the employee's own SkillAssessments partition beside the assessment (one partition holds what the
 * skills tab reads). The current row per skill is overwritten; log rows sort newest first and are never rewritten.
 */
export function createSkillConfirmationRepository(storage: TableStorage): SkillConfirmationRepository {
  const table = storage.client('SkillAssessments');
  const partition = (employeeId: string) => sanitizeKey(employeeId);
  const entityOf = (confirmation: SkillConfirmation) => ({
    ...confirmation,
    departmentId: confirmation.departmentId ?? null,
    decidedBy: confirmation.decidedBy ?? null,
    decidedByName: confirmation.decidedByName ?? null,
    decidedAt: confirmation.decidedAt ?? null,
    comment: confirmation.comment ?? null,
  });
  const logRow = (confirmation: SkillConfirmation) => {
    const at = Date.parse(confirmation.decidedAt ?? confirmation.requestedAt);
    const reverse = String(9_999_999_999_999 - at).padStart(13, '0');
    return { partitionKey: partition(confirmation.employeeId), rowKey: `${LOG_PREFIX}${reverse}-${confirmation.skillId}-${confirmation.status}`, ...entityOf(confirmation) };
  };
  const currentKey = (employeeId: string, skillId: SkillId) => ({ partitionKey: partition(employeeId), rowKey: `${CURRENT_PREFIX}${skillId}` });
  return {
    async decide(decided) {
      const key = currentKey(decided.employeeId, decided.skillId);
      const entity = await getEntityOrUndefined(table, key);
      const current = entity && toConfirmation(entity);
      if (!entity?.etag || !current || current.status !== 'pending' || current.level !== decided.level || current.requestedAt !== decided.requestedAt) return { saved: false, current };
      try {
        await table.updateEntity({ ...key, ...entityOf(decided) }, 'Replace', { etag: entity.etag });
      } catch (error) {
        // Someone decided (or the employee re-claimed) between the read and this write: theirs stands.
        if (toConcurrencyError(error, 'skill confirmation decision') instanceof ConcurrencyError) return { saved: false, current: toConfirmation(await getEntityOrUndefined(table, key)) };
        throw error;
      }
      await table.upsertEntity(logRow(decided), 'Replace');
      return { saved: true };
    },
    async listForEmployee(employeeId) {
      return parsedRows(await listAll(table, odata`PartitionKey eq ${partition(employeeId)} and RowKey ge ${CURRENT_PREFIX} and RowKey lt ${'confirm.'}`));
    },
    async get(employeeId, skillId: SkillId) {
      return toConfirmation(await getEntityOrUndefined(table, { partitionKey: partition(employeeId), rowKey: `${CURRENT_PREFIX}${skillId}` }));
    },
    async save(confirmation) {
      await table.upsertEntity({ ...currentKey(confirmation.employeeId, confirmation.skillId), ...entityOf(confirmation) }, 'Replace');
      await table.upsertEntity(logRow(confirmation), 'Replace');
    },
    async listPending(departmentId) {
      // A filtered scan over the 課's open requests: few per 課, and only confirmers open the queue.
      return parsedRows(
        await listAll(table, odata`RowKey ge ${CURRENT_PREFIX} and RowKey lt ${'confirm.'} and departmentId eq ${departmentId} and status eq ${'pending'}`),
      );
    },
    async listAll() {
      return parsedRows(await listAll(table, odata`RowKey ge ${CURRENT_PREFIX} and RowKey lt ${'confirm.'}`));
    },
    async log(employeeId) {
      return parsedRows(await listAll(table, odata`PartitionKey eq ${partition(employeeId)} and RowKey ge ${LOG_PREFIX} and RowKey lt ${'confirmlog.'}`));
    },
  };
}
