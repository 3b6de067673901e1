import { odata } from '@azure/data-tables';
import { type Nomination, type NominationRepository } from '../domain/award-nominations.js';
// The stored JSON is the nomination as the tab reads it: one schema checks both.
import { nominationSchema } from '../programme-api.js';
import { nominationNotFound } from '../domain/awards-service.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface NominationEntity {
  nominatorId: string;
  nominationJson: string;
}


const toNomination = (entity: NominationEntity): Nomination => nominationSchema.parse(JSON.parse(entity.nominationJson));
// One row per nomination, all in one partition: a few hundred a year at most, and each write touches only its own row.
const PARTITION = 'nomination';
const keyOf = (id: string) => ({ partitionKey: PARTITION, rowKey: id });
const entityOf = (nomination: Nomination) => ({ ...keyOf(nomination.id), nominatorId: nomination.nominatorId, nominationJson: JSON.stringify(nomination) });

/** AwardNominations: 評価・表彰 nominations with their review and award. */
export function createNominationRepository(storage: TableStorage): NominationRepository {
  const table = storage.client('AwardNominations');
  return {
    async create(nomination) {
      await table.createEntity(entityOf(nomination));
    },
    async get(id) {
      const entity = await getEntityOrUndefined<NominationEntity>(table, keyOf(id));
      return entity && toNomination(entity);
    },
    async update(id, change) {
      return withEtagRetry(`nomination ${id}`, 'turn', async () => {
        const entity = await getEntityOrUndefined<NominationEntity>(table, keyOf(id));
        if (!entity) throw nominationNotFound(id);
        const next = change(toNomination(entity));
        await table.updateEntity(entityOf(next), 'Replace', { etag: entity.etag });
        return next;
      });
    },
    async list() {
      return (await listAll<NominationEntity>(table, odata`PartitionKey eq ${PARTITION}`)).map(toNomination);
    },
    async listByNominator(nominatorId) {
      return (await listAll<NominationEntity>(table, odata`PartitionKey eq ${PARTITION} and nominatorId eq ${nominatorId}`)).map(toNomination);
    },
  };
}
