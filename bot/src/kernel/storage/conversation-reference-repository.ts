import type { ConversationReferenceRepository, StoredConversationReference } from '../domain/ports.js';
import { keys } from './keys.js';
import { getEntityOrUndefined, type TableStorage } from './table-storage.js';
import { setBounded } from '../domain/bounded-map.js';

interface ConversationReferenceEntity {
  employeeId: string;
  scope: string;
  referenceJson: string;
  updatedAt: string;
}

// Teams sends the same reference on every turn; an instance remembers what it last wrote (bounded), so a chat of
// ten messages costs one write, not ten. Another instance writing a newer one is still last-writer-wins.
const REMEMBERED_REFERENCES = 10_000;

export function createConversationReferenceRepository(storage: TableStorage): ConversationReferenceRepository {
  const table = storage.client('ConversationReferences');
  const lastWritten = new Map<string, string>();
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
      const referenceJson = JSON.stringify(stored.reference);
      if (lastWritten.get(stored.employeeId) === referenceJson) return;
      // Last writer wins on purpose: the newest reference Teams sent is the one that works.
      await table.upsertEntity(
        {
          ...keys.personalConversation(stored.employeeId),
          employeeId: stored.employeeId,
          scope: stored.scope,
          referenceJson,
          updatedAt: stored.updatedAt,
        },
        'Replace',
      );
      setBounded(lastWritten, stored.employeeId, referenceJson, REMEMBERED_REFERENCES);
    },
  };
}
