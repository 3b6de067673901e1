import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { ProgrammeTextRepository } from '../domain/catalog-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { getEntityOrUndefined, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface ProgrammeTextEntity {
  key: string;
  bodyJa: string;
  bodyEn: string;
  updatedBy: string;
  updatedAt: string;
}

export function createProgrammeTextRepository(storage: TableStorage): ProgrammeTextRepository {
  const table = storage.client('ProgrammeTexts');
  return {
    async get(key) {
      const row = await getEntityOrUndefined<ProgrammeTextEntity>(table, keys.programmeText(key));
      if (!row) return undefined;
      const body: LocalizedText = { ja: row.bodyJa, en: row.bodyEn };
      return { key, body, updatedBy: row.updatedBy || undefined, updatedAt: row.updatedAt || undefined };
    },
    async save(text) {
      await table.upsertEntity(
        { ...keys.programmeText(text.key), key: text.key, bodyJa: text.body.ja, bodyEn: text.body.en, updatedBy: text.updatedBy ?? '', updatedAt: text.updatedAt ?? '' },
        'Replace',
      );
    },
  };
}
