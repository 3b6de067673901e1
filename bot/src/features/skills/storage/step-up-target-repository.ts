import { z } from 'zod';
import { JOB_LEVELS } from '../../../kernel/domain/catalog/job-levels.js';
import { SKILL_IDS } from '../../../kernel/domain/catalog/skills.js';
import { listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';
import { odata } from '@azure/data-tables';
import type { StepUpTargetRepository } from '../domain/skills-ports.js';

/** Targets sit in the SkillAssessments table under one partition of their own (employee partitions are oids). */
const PARTITION = 'step-up-targets';

const rowSchema = z.object({
  jobLevel: z.enum(JOB_LEVELS),
  skillId: z.enum(SKILL_IDS),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  byFiscalYear: z.number().int(),
  setBy: z.string(),
  setAt: z.string(),
});

export function createStepUpTargetRepository(storage: TableStorage): StepUpTargetRepository {
  const table = storage.client('SkillAssessments');
  return {
    async list() {
      const rows = await listAll(table, odata`PartitionKey eq ${PARTITION}`);
      return rows.flatMap((row) => {
        const parsed = rowSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async save(target) {
      await table.upsertEntity({ partitionKey: PARTITION, rowKey: `${target.jobLevel}-${target.skillId}`, ...target }, 'Replace');
    },
    async remove(jobLevel, skillId) {
      await table.deleteEntity(PARTITION, `${jobLevel}-${skillId}`).catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      });
    },
  };
}
