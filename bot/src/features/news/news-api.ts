import { z } from 'zod';

const audienceSchema = z.object({
  kind: z.enum(['everyone', 'departments', 'job-levels', 'promoters']),
  departmentIds: z.array(z.string()).optional(),
  jobLevels: z.array(z.string()).optional(),
});

// JSON drops undefined fields: a missing link or image means "none".
export const newsItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  link: z.string().optional(),
  imageUrl: z.string().optional(),
  category: z.enum(['tech-trends', 'good-practices', 'training', 'notices']),
  audience: audienceSchema,
  state: z.enum(['draft', 'scheduled', 'published']),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  publishedVia: z.string().optional(),
  confirmation: z.object({ followUpDays: z.number() }).optional(),
});
export type NewsItemView = z.infer<typeof newsItemSchema>;
export type NewsCategoryId = NewsItemView['category'];
export const NEWS_CATEGORY_IDS = ['tech-trends', 'good-practices', 'training', 'notices'] as const satisfies readonly NewsCategoryId[];

export const newsListSchema = z.object({ items: z.array(newsItemSchema), departments: z.array(z.object({ id: z.string(), name: z.string() })) });

/** What the compose form sends. */
export interface NewsInput {
  title: string;
  summary: string;
  body: string;
  link?: string;
  imageUrl?: string;
  category: string;
  audience: { kind: string; departmentIds?: string[]; jobLevels?: string[] };
  /** Present: the card asks for 「確認しました」 and those who have not get one reminder after `followUpDays` (default 3). */
  confirmation?: { followUpDays?: number } | null;
}

export const previewSchema = z.object({ cards: z.object({ ja: z.unknown(), en: z.unknown() }), bytes: z.number() });
export const sentSchema = z.object({ item: newsItemSchema, broadcastId: z.string(), alreadySent: z.boolean(), recipients: z.number() });

const countsSchema = z.object({
  total: z.number(),
  queued: z.number(),
  sending: z.number(),
  retrying: z.number(),
  sent: z.number(),
  failed: z.number(),
  unreachable: z.number(),
  noReference: z.number(),
  // Recipients whose send a crash cut off (they may have it twice); beside the states, not one of them. Absent in
  // the final counts of broadcasts completed before it was counted.
  inDoubt: z.number().default(0),
});
export type DeliveryCountsView = z.infer<typeof countsSchema>;

const broadcastSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  audience: z.string(),
  createdAt: z.string(),
  state: z.enum(['expanding', 'sending', 'completed']),
  recipientCount: z.number(),
  completedAt: z.string().optional(),
  // Started outside working hours: when sending starts (ISO), and the line the report shows while it waits.
  notBefore: z.string().optional(),
  waitingNotice: z.string().optional(),
});
export type BroadcastView = z.infer<typeof broadcastSchema>;

export const broadcastsSchema = z.object({ broadcasts: z.array(broadcastSchema.extend({ counts: countsSchema.optional() })) });

export const reportSchema = z.object({
  broadcast: broadcastSchema.nullable(),
  counts: countsSchema.optional(),
  rows: z
    .array(z.object({ employeeId: z.string(), displayName: z.string(), state: z.string(), reason: z.string().nullable(), attempts: z.number(), final: z.boolean() }))
    .optional(),
  moreRows: z.number().optional(),
});
export type ReportView = z.infer<typeof reportSchema>;

export const preferencesSchema = z.object({ categories: z.array(z.enum(NEWS_CATEGORY_IDS)) });

/** PUT /api/tab/admin/news/:id answers the saved item; GET /api/tab/news the items for the caller. */
export const savedNewsSchema = z.object({ item: newsItemSchema });
export const newsItemsSchema = z.object({ items: z.array(newsItemSchema) });

const departmentConfirmationSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  total: z.number(),
  confirmed: z.number(),
  notYet: z.number(),
  // Admins only: a DX推進委員 or 管理職 sees counts, never names.
  confirmedNames: z.array(z.string()).optional(),
  notYetNames: z.array(z.string()).optional(),
});
export const confirmationReportSchema = z.object({
  newsId: z.string(),
  title: z.string(),
  publishedAt: z.string().optional(),
  followUpDays: z.number(),
  total: z.number(),
  confirmed: z.number(),
  notYet: z.number(),
  departments: z.array(departmentConfirmationSchema),
});
export type ConfirmationReportView = z.infer<typeof confirmationReportSchema>;
/** GET /api/tab/news/confirmations: every sent item that asks for 「確認しました」, newest first. */
export const confirmationReportsSchema = z.object({ reports: z.array(confirmationReportSchema) });
/** POST /api/tab/news/:newsId/confirm (the tab's 確認しました). */
export const confirmedSchema = z.object({ newsId: z.string(), confirmedAt: z.string(), created: z.boolean() });

/** GET/PUT /api/tab/admin/delivery/working-hours: when proactive sends go out (JST); `enabled` is the deployment's switch. */
export const workingHoursSchema = z.object({ enabled: z.boolean(), start: z.string(), end: z.string() });
