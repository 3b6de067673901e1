import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from './domain/categories.js';
import { FAQ_FIELDS, FAQ_HISTORY_ACTIONS, FAQ_STATUSES } from './domain/faq-rules.js';

/** The FAQ デジタル推進課 edits (管理 → FAQ): the tab's contract with /api/tab/admin/faq. */
const localized = z.object({ ja: z.string(), en: z.string() });

export const faqEntrySchema = z.object({
  id: z.string(),
  category: z.enum(CONSULTATION_CATEGORIES),
  question: localized,
  answer: localized,
  keywords: z.array(z.string()).readonly(),
  status: z.enum(FAQ_STATUSES),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type FaqEntryView = z.infer<typeof faqEntrySchema>;

export const faqListSchema = z.object({ generation: z.number(), entries: z.array(faqEntrySchema) });
export const faqSavedSchema = z.object({ entry: faqEntrySchema });

export const faqHistorySchema = z.object({
  history: z.array(
    z.object({
      entryId: z.string(),
      version: z.number(),
      at: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      action: z.enum(FAQ_HISTORY_ACTIONS),
      changes: z.array(z.object({ field: z.enum(FAQ_FIELDS), before: z.string(), after: z.string() })),
    }),
  ),
});
export type FaqHistoryView = z.infer<typeof faqHistorySchema>['history'];

/** The exact FAQ card the bot would send with this entry, in both languages, and the worst-case size it is checked at. */
export const faqPreviewSchema = z.object({ cards: z.object({ ja: z.unknown(), en: z.unknown() }), bytes: z.number(), maxBytes: z.number() });

/** 「FAQにする」: an entry drafted from a resolved request, personal details removed; not stored until published. */
export const faqDraftSchema = z.object({
  category: z.enum(CONSULTATION_CATEGORIES),
  question: z.object({ ja: z.string(), en: z.string() }),
  answer: z.object({ ja: z.string(), en: z.string() }),
  keywords: z.array(z.string()).readonly(),
  sourceTicket: z.string(),
  context: z.string(),
});
export type FaqDraftView = z.infer<typeof faqDraftSchema>;

/** What the editor sends. Lengths here only stop abuse; every rule with its message is the domain's (faq-rules.ts). */
const text = (max: number) => z.string().max(max).default('');
export const faqInputSchema = z.object({
  category: z.string().max(40).default(''),
  question: z.object({ ja: text(2_000), en: text(2_000) }).default({ ja: '', en: '' }),
  answer: z.object({ ja: text(100_000), en: text(100_000) }).default({ ja: '', en: '' }),
  keywords: z.array(z.string().max(200)).max(200).default([]),
});
export type FaqInputBody = z.input<typeof faqInputSchema>;
export const faqUpdateSchema = faqInputSchema.extend({ version: z.number().int().min(1).max(1_000_000) });
export const faqVersionSchema = z.object({ version: z.number().int().min(1).max(1_000_000) });
