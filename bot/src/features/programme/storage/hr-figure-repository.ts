import { z } from 'zod';
import type { HrFigureRepository } from '../domain/logic-model.js';
import { getEntityOrUndefined, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface HrFigureEntity {
  figureJson: string;
}

const figureSchema = z.object({ fiscalYear: z.number().int(), value: z.number(), enteredBy: z.string(), enteredAt: z.string() });
const keyOf = (fiscalYear: number) => ({ partitionKey: 'hr-outcome-02', rowKey: String(fiscalYear) });

/** ProgrammeFigures: figures entered by hand for the evaluation, one row per figure and year (人事課's outcome 02). */
export function createHrFigureRepository(storage: TableStorage): HrFigureRepository {
  const table = storage.client('ProgrammeFigures');
  return {
    async get(fiscalYear) {
      const entity = await getEntityOrUndefined<HrFigureEntity>(table, keyOf(fiscalYear));
      return entity && figureSchema.parse(JSON.parse(entity.figureJson));
    },
    async save(figure) {
      // The latest entry wins: a correction replaces the figure; who and when travel with it.
      await table.upsertEntity<HrFigureEntity>({ ...keyOf(figure.fiscalYear), figureJson: JSON.stringify(figure) }, 'Replace');
    },
  };
}
