import { z } from 'zod';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import { examSchema } from '../catalog/catalog-api.js';

const localizedSchema = z.object({ ja: z.string(), en: z.string() });
/** 自己評価 / 確認済み (who, when) per skill at today's level. */
export const levelConfirmationSchema = z.object({
  skillId: z.string(),
  level: z.number(),
  status: z.enum(['self-assessed', 'pending', 'confirmed', 'returned']),
  label: localizedSchema,
  route: z.enum(['supervisor', 'promoter', 'none']).optional().nullable(),
  routeNote: localizedSchema.optional().nullable(),
  decidedByName: z.string().optional().nullable(),
  decidedAt: z.string().optional().nullable(),
  comment: z.string().optional().nullable(),
});
export type LevelConfirmation = z.infer<typeof levelConfirmationSchema>;

/** The confirmer's queue: each claim with the evidence the employee has on record. */
export const confirmationQueueSchema = z.object({
  items: z.array(
    z.object({
      employeeId: z.string(),
      employeeName: z.string(),
      skillId: z.string(),
      level: z.number(),
      requestedAt: z.string(),
      route: z.enum(['supervisor', 'promoter', 'none']),
      evidence: z.object({
        completions: z.array(z.object({ courseId: z.string(), title: localizedSchema, completedOn: z.string() })),
        examPasses: z.array(z.object({ examId: z.string(), name: localizedSchema, passedOn: z.string() })),
      }),
    }),
  ),
});
export type ConfirmationQueue = z.infer<typeof confirmationQueueSchema>;

/** 確認する / 差し戻す: the level the confirmer saw, so a claim changed since is refused. */
export const confirmationDecisionSchema = z.object({
  decision: z.enum(['confirm', 'return']),
  level: z.number().int().min(1).max(3),
  comment: z.string().max(500).optional(),
});

/** マイスキルの推移: one entry per level change per skill, and the levels at the end of each 年度. */
export const skillTimelineSchema = z.object({
  perSkill: z.array(
    z.object({
      skillId: z.string(),
      entries: z.array(
        z.object({
          level: z.number(),
          at: z.string(),
          status: z.enum(['self-assessed', 'confirmed', 'returned']),
          decidedByName: z.string().optional().nullable(),
          decidedAt: z.string().optional().nullable(),
        }),
      ),
    }),
  ),
  byFiscalYear: z.array(z.object({ fiscalYear: z.number(), levels: z.record(z.string(), z.number()) })),
});
export type SkillTimelineView = z.infer<typeof skillTimelineSchema>;

export const mySkillsSchema = z.object({
  levels: z.record(z.string(), z.number()),
  ticked: z.array(z.string()),
  goals: z.record(z.string(), z.number()),
  mindsetChecks: z.array(z.string()),
  updatedAt: z.string().optional().nullable(),
  recommendations: z.array(
    z.object({
      skillId: z.string(),
      targetLevel: z.number(),
      gap: z.number(),
      reason: z.string(),
      courseIds: z.array(z.string()),
      courses: z.array(
        z.object({ id: z.string(), title: z.string(), nextSessions: z.array(z.object({ sessionId: z.string(), startsAt: z.string(), seatsLeft: z.number() })) }),
      ),
    }),
  ),
  mindsets: z.array(z.object({ mindsetId: z.string(), statementIds: z.array(z.string()) })).optional().nullable(),
  confirmations: z.array(levelConfirmationSchema),
});
export type MySkills = z.infer<typeof mySkillsSchema>;

export const distributionSchema = z.union([
  z.object({ suppressed: z.literal(true), people: z.number() }),
  z.object({ suppressed: z.literal(false), people: z.number(), bySkill: z.record(z.string(), z.array(z.number())) }),
]);
export type Distribution = z.infer<typeof distributionSchema>;
const departmentSchema = z.object({ id: z.string(), name: z.string() });
const jobLevelSchema = z.enum(['general', 'chief', 'manager']);
/** The share of a 職層 at or above a step-up target; suppressed under five people. */
export const targetShareSchema = z.union([
  z.object({ jobLevel: jobLevelSchema, skillId: z.string(), level: z.number(), byFiscalYear: z.number(), suppressed: z.literal(true), people: z.number() }),
  z.object({ jobLevel: jobLevelSchema, skillId: z.string(), level: z.number(), byFiscalYear: z.number(), suppressed: z.literal(false), people: z.number(), atOrAbove: z.number(), share: z.number() }),
]);
export type TargetShare = z.infer<typeof targetShareSchema>;
export const departmentDistributionSchema = z.object({ department: departmentSchema, distribution: distributionSchema, targets: z.array(targetShareSchema) });
export const wardDistributionSchema = z.object({ ward: distributionSchema, targets: z.array(targetShareSchema), departments: z.array(departmentDistributionSchema) });

/** Distributions per 年度, each person counted in the 課 they belonged to that year. */
export const departmentTrendSchema = z.object({
  department: departmentSchema,
  years: z.array(z.object({ fiscalYear: z.number(), distribution: distributionSchema, targets: z.array(targetShareSchema) })),
});
export type DepartmentTrendView = z.infer<typeof departmentTrendSchema>;
/** The ward-wide figures and every 課's per 年度, with the share at or above each step-up target. */
export const wardTrendSchema = z.object({
  years: z.array(
    z.object({
      fiscalYear: z.number(),
      ward: distributionSchema,
      targets: z.array(targetShareSchema),
      departments: z.array(z.object({ department: departmentSchema, distribution: distributionSchema, targets: z.array(targetShareSchema) })),
    }),
  ),
});
export type WardTrendView = z.infer<typeof wardTrendSchema>;

/** ステップアップ目標 (デジタル推進課): one per 職層 and skill. */
export const stepUpTargetsSchema = z.object({
  targets: z.array(z.object({ jobLevel: jobLevelSchema, skillId: z.string(), level: z.number(), byFiscalYear: z.number(), setBy: z.string(), setAt: z.string() })),
});
/** The level is checked by the domain (1–3) so the admin reads why, not a schema path. */
export const stepUpTargetInputSchema = z.object({ level: z.number(), byFiscalYear: z.number() });

/** The IT exam list with the caller's own passes (実績・助成). */
export const examPassesSchema = z.object({ passes: z.array(z.object({ examId: z.string(), passedOn: z.string() })) });
export const myExamsSchema = examPassesSchema.extend({ exams: z.array(examSchema) });

/** What the tab sends to save its self-assessment. */
export const saveSkillsInputSchema = z.object({
  ticked: z.array(z.string().min(1).max(100)).max(200),
  goals: z.partialRecord(z.enum(SKILL_IDS), z.union([z.literal(1), z.literal(2), z.literal(3)])).default({}),
  mindsetChecks: z.array(z.string().min(1).max(100)).max(50).optional(),
});
export type SaveSkillsInput = z.input<typeof saveSkillsInputSchema>;
export const examPassInputSchema = z.object({ passedOn: z.string().max(10) });
