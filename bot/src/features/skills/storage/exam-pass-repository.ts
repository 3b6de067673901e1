import { odata } from '@azure/data-tables';
import type { ExamPass } from '../domain/exam-records.js';
import type { ExamPassRepository } from '../domain/skills-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface ExamPassEntity {
  employeeId?: string;
  examId: string;
  passedOn: string;
}

export function createExamPassRepository(storage: TableStorage): ExamPassRepository {
  const table = storage.client('SkillAssessments');
  return {
    async list(employeeId) {
      const partition = keys.examPass(employeeId, '').partitionKey;
      const rows = await listAll<ExamPassEntity>(table, odata`PartitionKey eq ${partition} and RowKey ge ${'exam-'} and RowKey lt ${'exam.'}`);
      return rows.map((row): ExamPass => ({ examId: row.examId, passedOn: row.passedOn }));
    },
    async listAll() {
      const rows = await listAll<ExamPassEntity>(table, odata`RowKey ge ${'exam-'} and RowKey lt ${'exam.'}`);
      return rows.map((row) => ({ employeeId: row.employeeId ?? decodeURIComponent(row.partitionKey ?? ''), examId: row.examId, passedOn: row.passedOn }));
    },
    async save(employeeId, pass) {
      await table.upsertEntity({ ...keys.examPass(employeeId, pass.examId), employeeId, examId: pass.examId, passedOn: pass.passedOn }, 'Replace');
    },
    async remove(employeeId, examId) {
      const key = keys.examPass(employeeId, examId);
      await table.deleteEntity(key.partitionKey, key.rowKey).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    },
  };
}
