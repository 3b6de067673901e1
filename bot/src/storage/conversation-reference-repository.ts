import type { ConversationReferenceRepository, StoredConversationReference } from '../domain/ports.js';
import { keys } from './keys.js';
import { getEntityOrUndefined, type TableStorage } from './table-storage.js';

interface ConversationReferenceEntity {
  employeeId: string;
  scope: string;
  referenceJson: string;
  updatedAt: string;
}

export function createConversationReferenceRepository(storage: TableStorage): ConversationReferenceRepository {
  const table = storage.client('ConversationReferences');
  return {
    async get(employeeId) {
      const entity = await getEntityOrUndefined<ConversationReferenceEntity>(table, keys.personalConversation(employeeId));
      if (!entity) return undefined;
      const stored: StoredConversationReference = {
        employeeId: entity.employeeId,
        scope: 'personal',
        reference: JSON.parse(entity.referenceJson) as Record<string, unknown>,
        updatedAt: entity.updatedAt,
      };
      return stored;
    },
    async save(stored) {
      // Last writer wins on purpose: the newest reference Teams sent is the one that works.
      await table.upsertEntity(
        {
          ...keys.personalConversation(stored.employeeId),
          employeeId: stored.employeeId,
          scope: stored.scope,
          referenceJson: JSON.stringify(stored.reference),
          updatedAt: stored.updatedAt,
        },
        'Replace',
      );
    },
  };
}
