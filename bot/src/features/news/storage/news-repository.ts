import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { NEWS_CATEGORIES, type NewsAudience, type NewsItem, type NotificationPreferences } from '../domain/news-items.js';
import type { NewsRepository, NotificationPreferenceRepository } from '../domain/news-ports.js';
import { keys } from '../../../kernel/storage/keys.js';
import { replaceOrCreate, withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface NewsEntity {
  newsId: string;
  title: string;
  summary: string;
  body: string;
  link: string;
  imageUrl: string;
  category: string;
  audienceJson: string;
  state: NewsItem['state'];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string;
  publishedVia: string;
  /** Days before the follow-up to those who have not pressed 「確認しました」; absent or 0: the item asks for none. */
  confirmFollowUpDays?: number;
}

const categorySchema = z.enum(NEWS_CATEGORIES).catch('notices');

const toItem = (entity: NewsEntity): NewsItem => ({
  id: entity.newsId,
  title: entity.title,
  summary: entity.summary,
  body: entity.body,
  link: entity.link || undefined,
  imageUrl: entity.imageUrl || undefined,
  category: categorySchema.parse(entity.category),
  audience: JSON.parse(entity.audienceJson || '{"kind":"everyone"}') as NewsAudience,
  state: entity.state,
  createdBy: entity.createdBy,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
  publishedAt: entity.publishedAt || undefined,
  publishedVia: entity.publishedVia || undefined,
  confirmation: entity.confirmFollowUpDays ? { followUpDays: entity.confirmFollowUpDays } : undefined,
});

const toEntity = (item: NewsItem) => ({
  ...keys.newsItem(item.id),
  newsId: item.id,
  title: item.title,
  summary: item.summary,
  body: item.body,
  link: item.link ?? '',
  imageUrl: item.imageUrl ?? '',
  category: item.category,
  audienceJson: JSON.stringify(item.audience),
  state: item.state,
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  publishedAt: item.publishedAt ?? '',
  publishedVia: item.publishedVia ?? '',
  confirmFollowUpDays: item.confirmation?.followUpDays ?? 0,
});

export function createNewsRepository(storage: TableStorage): NewsRepository {
  const table = storage.client('News');
  return {
    async get(id) {
      const entity = await getEntityOrUndefined<NewsEntity>(table, keys.newsItem(id));
      return entity && toItem(entity);
    },
    async list() {
      return (await listAll<NewsEntity>(table, odata`PartitionKey eq ${'news'}`)).map(toItem);
    },
    async upsert(id, change) {
      return withEtagRetry(`news ${id}`, 'turn', async () => {
        const current = await getEntityOrUndefined<NewsEntity>(table, keys.newsItem(id));
        const next = change(current && toItem(current));
        await replaceOrCreate(table, toEntity(next), current?.etag);
        return next;
      });
    },
  };
}

interface PreferencesEntity {
  employeeId: string;
  categoriesJson: string;
  updatedAt: string;
}

const categoriesSchema = z.array(z.enum(NEWS_CATEGORIES)).catch([...NEWS_CATEGORIES]);

const toPreferences = (entity: PreferencesEntity): NotificationPreferences => ({
  employeeId: entity.employeeId,
  categories: categoriesSchema.parse(JSON.parse(entity.categoriesJson || '[]')),
  updatedAt: entity.updatedAt || undefined,
});

export function createNotificationPreferenceRepository(storage: TableStorage): NotificationPreferenceRepository {
  const table = storage.client('NotificationPreferences');
  return {
    async get(employeeId) {
      const entity = await getEntityOrUndefined<PreferencesEntity>(table, keys.notificationPreferences(employeeId));
      return entity && toPreferences(entity);
    },
    async save(preferences) {
      // The employee is the only writer of their own row: last write wins.
      await table.upsertEntity(
        { ...keys.notificationPreferences(preferences.employeeId), employeeId: preferences.employeeId, categoriesJson: JSON.stringify(preferences.categories), updatedAt: preferences.updatedAt ?? '' },
        'Replace',
      );
    },
    async list() {
      return (await listAll<PreferencesEntity>(table, odata`RowKey eq ${'notifications'}`)).map(toPreferences);
    },
  };
}
