import { odata } from '@azure/data-tables';
import type { CompletionRepository } from '../domain/training-ports.js';
import type { Completion } from '../domain/training-records.js';
import { keys } from '../../../kernel/storage/keys.js';
import { listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

type CompletionEntity = Completion;

const toCompletion = (row: CompletionEntity): Completion => ({
  employeeId: row.employeeId,
  sessionId: row.sessionId,
  courseId: row.courseId,
  completedOn: row.completedOn,
  confirmedBy: row.confirmedBy,
  confirmedAt: row.confirmedAt,
});

export function createCompletionRepository(storage: TableStorage): CompletionRepository {
  const table = storage.client('SkillAssessments');
  return {
    async list(employeeId) {
      const partition = keys.completion(employeeId, '').partitionKey;
      const rows = await listAll<CompletionEntity>(table, odata`PartitionKey eq ${partition} and RowKey ge ${'completion-'} and RowKey lt ${'completion.'}`);
      return rows.map(toCompletion).sort((a, b) => b.completedOn.localeCompare(a.completedOn));
    },
    async save(completion) {
      await table.upsertEntity({ ...keys.completion(completion.employeeId, completion.sessionId), ...completion }, 'Replace');
    },
    async remove(employeeId, sessionId) {
      const key = keys.completion(employeeId, sessionId);
      await table.deleteEntity(key.partitionKey, key.rowKey).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    },
    async listAll() {
      const rows = await listAll<CompletionEntity>(table, odata`RowKey ge ${'completion-'} and RowKey lt ${'completion.'}`);
      return rows.map(toCompletion);
    },
  };
}
