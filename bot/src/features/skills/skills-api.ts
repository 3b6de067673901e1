import { z } from 'zod';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import { examSchema } from '../catalog/catalog-api.js';

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
});
export type MySkills = z.infer<typeof mySkillsSchema>;

export const distributionSchema = z.union([
  z.object({ suppressed: z.literal(true), people: z.number() }),
  z.object({ suppressed: z.literal(false), people: z.number(), bySkill: z.record(z.string(), z.array(z.number())) }),
]);
export type Distribution = z.infer<typeof distributionSchema>;
const departmentSchema = z.object({ id: z.string(), name: z.string() });
export const departmentDistributionSchema = z.object({ department: departmentSchema, distribution: distributionSchema });
export const wardDistributionSchema = z.object({ ward: distributionSchema, departments: z.array(departmentDistributionSchema) });

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
