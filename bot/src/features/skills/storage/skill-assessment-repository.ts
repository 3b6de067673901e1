import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { SKILL_IDS } from '../../../kernel/domain/catalog/skills.js';
import type { SkillAssessment, SkillAssessmentRepository } from '../domain/skills-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { replaceOrCreate, withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface CurrentEntity {
  employeeId?: string;
  tickedJson: string;
  goalsJson: string;
  mindsetJson?: string;
  updatedAt: string;
}

interface HistoryEntity {
  at: string;
  addedJson: string;
  removedJson: string;
}

const goalsSchema = z.partialRecord(z.enum(SKILL_IDS), z.union([z.literal(1), z.literal(2), z.literal(3)])).catch({});
const idsSchema = z.array(z.string()).catch([]);

const toAssessment = (employeeId: string, entity: CurrentEntity | undefined): SkillAssessment => ({
  employeeId,
  ticked: entity ? idsSchema.parse(JSON.parse(entity.tickedJson)) : [],
  goals: entity ? goalsSchema.parse(JSON.parse(entity.goalsJson)) : {},
  mindsetChecks: entity?.mindsetJson ? idsSchema.parse(JSON.parse(entity.mindsetJson)) : [],
  updatedAt: entity?.updatedAt,
});

export function createSkillAssessmentRepository(storage: TableStorage): SkillAssessmentRepository {
  const table = storage.client('SkillAssessments');
  const read = async (employeeId: string) => {
    const entity = await getEntityOrUndefined<CurrentEntity>(table, keys.currentAssessment(employeeId));
    return { assessment: toAssessment(employeeId, entity), etag: entity?.etag };
  };
  return {
    async get(employeeId) {
      return (await read(employeeId)).assessment;
    },
    async update(employeeId, change) {
      const { current, next, at } = await withEtagRetry(`skill assessment ${employeeId}`, 'turn', async () => {
        const { assessment: current, etag } = await read(employeeId);
        const next = change(current);
        const at = new Date(next.updatedAt ?? Date.now());
        const entity = { ...keys.currentAssessment(employeeId), employeeId, tickedJson: JSON.stringify(next.ticked), goalsJson: JSON.stringify(next.goals), mindsetJson: JSON.stringify(next.mindsetChecks), updatedAt: at.toISOString() };
        await replaceOrCreate(table, entity, etag);
        return { current, next, at };
      });
      const before = new Set(current.ticked);
      const after = new Set(next.ticked);
      await table.upsertEntity({
        ...keys.assessmentHistory(employeeId, at),
        at: at.toISOString(),
        addedJson: JSON.stringify(next.ticked.filter((id) => !before.has(id))),
        removedJson: JSON.stringify(current.ticked.filter((id) => !after.has(id))),
      });
      return { ...next, updatedAt: at.toISOString() };
    },
    async listCurrent() {
      const rows = await listAll<CurrentEntity>(table, odata`RowKey eq ${'current'}`);
      // Rows written before employeeId was stored carry it only in the (sanitised) partition key.
      return rows.map((row) => toAssessment(row.employeeId ?? decodeURIComponent(row.partitionKey ?? ''), row));
    },
    async listAllHistories() {
      const rows = await listAll<HistoryEntity>(table, odata`RowKey ge ${'history-'} and RowKey lt ${'history.'}`);
      const byEmployee = new Map<string, { at: string; added: string[]; removed: string[] }[]>();
      for (const row of rows) {
        // The partition key is the sanitised employee id (see keys.currentAssessment), as listCurrent reads it.
        const employeeId = decodeURIComponent(row.partitionKey ?? '');
        const changes = byEmployee.get(employeeId) ?? [];
        changes.push({ at: row.at, added: idsSchema.parse(JSON.parse(row.addedJson)), removed: idsSchema.parse(JSON.parse(row.removedJson)) });
        byEmployee.set(employeeId, changes);
      }
      return byEmployee;
    },
    async history(employeeId) {
      const rows = await listAll<HistoryEntity>(
        table,
        odata`PartitionKey eq ${keys.currentAssessment(employeeId).partitionKey} and RowKey ge ${'history-'} and RowKey lt ${'history.'}`,
      );
      return rows.map((row) => ({ at: row.at, added: idsSchema.parse(JSON.parse(row.addedJson)), removed: idsSchema.parse(JSON.parse(row.removedJson)) }));
    },
  };
}
