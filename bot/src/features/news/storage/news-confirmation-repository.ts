import { odata, RestError } from '@azure/data-tables';
import type { NewsConfirmation } from '../domain/news-confirmations.js';
import type { NewsConfirmationRepository } from '../domain/news-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface ConfirmationEntity {
  newsId: string;
  employeeId: string;
  confirmedAt: string;
}

const toConfirmation = (entity: ConfirmationEntity): NewsConfirmation => ({ newsId: entity.newsId, employeeId: entity.employeeId, confirmedAt: entity.confirmedAt });

/** One row per person per item (insert-only): thousands pressing at once never write the same row. */
export function createNewsConfirmationRepository(storage: TableStorage): NewsConfirmationRepository {
  const table = storage.client('NewsConfirmations');
  return {
    async confirm(confirmation) {
      try {
        await table.createEntity({ ...keys.newsConfirmation(confirmation.newsId, confirmation.employeeId), ...confirmation });
        return { confirmation, created: true };
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 409)) throw error;
      }
      const existing = await getEntityOrUndefined<ConfirmationEntity>(table, keys.newsConfirmation(confirmation.newsId, confirmation.employeeId));
      return { confirmation: existing ? toConfirmation(existing) : confirmation, created: false };
    },
    async get(newsId, employeeId) {
      const entity = await getEntityOrUndefined<ConfirmationEntity>(table, keys.newsConfirmation(newsId, employeeId));
      return entity && toConfirmation(entity);
    },
    async list(newsId) {
      return (await listAll<ConfirmationEntity>(table, odata`PartitionKey eq ${keys.newsConfirmation(newsId, 'x').partitionKey}`)).map(toConfirmation);
    },
  };
}
