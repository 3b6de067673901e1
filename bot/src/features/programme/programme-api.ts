import { z } from 'zod';
import { AWARD_CATEGORIES, NOMINATION_STATES } from './domain/award-nominations.js';

/** A nomination as the tab reads it (the nominator's own list and デジタル推進課's review list). */
export const nominationSchema = z.object({
  id: z.string(),
  nominatorId: z.string(),
  title: z.string(),
  departmentId: z.string(),
  whatChanged: z.string(),
  effect: z.string(),
  link: z.string().optional(),
  state: z.enum(NOMINATION_STATES),
  submittedAt: z.string(),
  updatedAt: z.string(),
  reviewNote: z.string().optional(),
  reviewedBy: z.string().optional(),
  award: z.object({ fiscalYear: z.number().int(), category: z.enum(AWARD_CATEGORIES), awardedBy: z.string(), awardedAt: z.string() }).optional(),
  published: z.object({ newsId: z.string(), publishedAt: z.string() }).optional(),
});
export type NominationView = z.infer<typeof nominationSchema>;

export const nominationResponseSchema = z.object({ nomination: nominationSchema });
export const nominationListSchema = z.object({ nominations: z.array(nominationSchema), departmentNames: z.record(z.string(), z.string()) });

export const awardPublishedSchema = z.object({ nomination: nominationSchema, broadcastId: z.string(), alreadySent: z.boolean(), recipients: z.number() });

/** 優良事例 gallery: published awards by fiscal year, newest first. */
export const gallerySchema = z.object({
  years: z.array(
    z.object({
      fiscalYear: z.number(),
      awards: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          departmentId: z.string(),
          departmentName: z.string(),
          category: z.enum(AWARD_CATEGORIES),
          whatChanged: z.string(),
          effect: z.string(),
          link: z.string().optional(),
          publishedAt: z.string(),
        }),
      ),
    }),
  ),
});
export type GalleryView = z.infer<typeof gallerySchema>;

const localizedSchema = z.object({ ja: z.string(), en: z.string() });
const benchmarkSchema = z.object({ kind: z.enum(['value', 'at-least']), value: z.number() });

/** 管理 → 事業評価: the eight direct outcomes of a fiscal year with outputs and survey indicators. */
export const evaluationSchema = z.object({
  fiscalYear: z.number(),
  years: z.array(z.number()),
  outcomes: z.array(
    z.object({
      outcomeId: z.string(),
      title: localizedSchema,
      outputs: z.array(
        z.object({
          key: z.string(),
          label: localizedSchema,
          value: z.number(),
          breakdown: z.array(z.object({ id: z.string(), label: localizedSchema, value: z.number() })).optional(),
        }),
      ),
      // JSON drops undefined fields: no mean means no closed annual round for that year yet.
      indicators: z.array(
        z.object({
          questionId: z.string(),
          name: localizedSchema,
          baseline: z.number(),
          target: z.object({ kind: z.enum(['value', 'at-least-baseline']), value: z.number() }),
          mean: z.number().optional(),
          n: z.number().optional(),
          previousMean: z.number().optional(),
          history: z.array(z.object({ fiscalYear: z.number(), mean: z.number() })),
          achieved: z.boolean().optional(),
          nextBenchmark: benchmarkSchema.optional(),
        }),
      ),
      hrMeasured: z
        .object({ text: localizedSchema, figure: z.object({ fiscalYear: z.number(), value: z.number(), enteredBy: z.string(), enteredAt: z.string() }).optional() })
        .optional(),
    }),
  ),
});
export type EvaluationView = z.infer<typeof evaluationSchema>;

export const hrFigureSchema = z.object({ figure: z.object({ fiscalYear: z.number(), value: z.number(), enteredBy: z.string(), enteredAt: z.string() }) });
