import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from './domain/categories.js';

// JSON drops undefined fields: a missing median, share or mean means "nothing to measure yet".
const durationSchema = z.object({
  count: z.number(),
  medianBusinessHours: z.number().optional(),
  medianCalendarHours: z.number().optional(),
  slaDecided: z.number(),
  withinSla: z.number(),
  withinSlaPercent: z.number().optional(),
});

const periodSchema = z.object({
  requests: z.number(),
  byCategory: z.record(z.enum(CONSULTATION_CATEGORIES), z.number()),
  firstResponse: durationSchema,
  resolution: durationSchema,
  satisfaction: z.object({ distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]), rated: z.number(), mean: z.number().optional() }),
  faq: z.object({ shown: z.number(), resolved: z.number(), selfServicePercent: z.number().optional() }),
});

/** 管理 → 相談の分析: a fiscal year's desk metrics per JST month and for the year (GET /api/tab/admin/desk-metrics). */
export const deskMetricsSchema = z.object({
  fiscalYear: z.number(),
  years: z.array(z.number()),
  months: z.array(periodSchema.extend({ month: z.string() })),
  year: periodSchema,
  topFaqEntries: z.array(z.object({ id: z.string(), question: z.object({ ja: z.string(), en: z.string() }).optional(), resolved: z.number() })),
  sla: z.object({ firstResponseHours: z.number(), resolutionHours: z.object({ high: z.number(), medium: z.number(), low: z.number() }) }),
  computedAt: z.string(),
});
export type DeskMetricsView = z.infer<typeof deskMetricsSchema>;
export type DeskPeriodView = z.infer<typeof periodSchema>;
