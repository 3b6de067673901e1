import { z } from 'zod';
import { MINDSET_IDS } from '../../kernel/domain/catalog/mindsets.js';
import { OUTCOME_IDS } from '../../kernel/domain/catalog/outcomes.js';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';

/** The catalog API contract: the server's routes answer it and the tab parses it. */
const localizedSchema = z.object({ ja: z.string(), en: z.string() });
export const courseSchema = z.object({
  id: z.string(),
  title: localizedSchema,
  description: localizedSchema,
  provider: z.enum(['digital-promotion', 'hr', 'joint']),
  teaches: z.array(z.object({ skillId: z.string(), level: z.number() })),
  mindsets: z.array(z.string()),
  outcomes: z.array(z.string()),
  audience: localizedSchema.optional(),
});
export type CourseView = z.infer<typeof courseSchema>;
export const examSchema = z.object({ id: z.string(), name: localizedSchema });
export type ExamView = z.infer<typeof examSchema>;
export const catalogSchema = z.object({
  courses: z.array(courseSchema),
  exams: z.array(examSchema),
  trainingMap: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const programmeTextSchema = z.object({ body: localizedSchema, updatedAt: z.string().optional().nullable() });
export const examsSchema = z.object({ exams: z.array(examSchema) });

const text = (max: number) => z.object({ ja: z.string().trim().min(1).max(max), en: z.string().trim().max(max) });
/** What デジタル推進課 sends to edit a course, an exam and the subsidy text. */
export const courseInputSchema = z.object({
  title: text(200),
  description: text(2000),
  provider: z.enum(['digital-promotion', 'hr', 'joint']),
  teaches: z
    .array(z.object({ skillId: z.enum(SKILL_IDS), level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }))
    .max(15),
  mindsets: z.array(z.enum(MINDSET_IDS)).max(3).default([]),
  outcomes: z.array(z.enum(OUTCOME_IDS)).min(1).max(8),
  audience: text(200).optional(),
});
export const examInputSchema = z.object({ name: text(100) });
export const subsidyInputSchema = z.object({ body: z.object({ ja: z.string().trim().max(4000), en: z.string().trim().max(4000) }) });
