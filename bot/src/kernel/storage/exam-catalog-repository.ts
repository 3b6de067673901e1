import { odata } from '@azure/data-tables';
import type { ExamCatalogRepository, ExamDefinition } from '../domain/ports.js';
import { keys } from './keys.js';
import { createReadCache } from './read-cache.js';
import { listAll, type TableStorage } from './table-storage.js';

interface ExamDefinitionEntity {
  examId: string;
  nameJa: string;
  nameEn: string;
}

export function createExamCatalogRepository(storage: TableStorage): ExamCatalogRepository {
  const table = storage.client('Courses');
  // Part of the catalogue every profile shows: read once per instance per TTL; an edit here forgets it.
  const catalogue = createReadCache<ExamDefinition[]>({ maxEntries: 1 });
  return {
    async list() {
      const exams = await catalogue.get('all', async () => {
        const rows = await listAll<ExamDefinitionEntity>(table, odata`PartitionKey eq ${'exam'}`);
        return rows.map((row): ExamDefinition => ({ id: row.examId, name: { ja: row.nameJa, en: row.nameEn } }));
      });
      return [...exams];
    },
    async save(exam) {
      await table.upsertEntity({ ...keys.examDefinition(exam.id), examId: exam.id, nameJa: exam.name.ja, nameEn: exam.name.en }, 'Replace');
      catalogue.invalidate();
    },
  };
}
