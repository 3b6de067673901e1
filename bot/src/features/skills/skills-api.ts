import { z } from 'zod';

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

export const sessionSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().optional().nullable(),
  onlineUrl: z.string().optional().nullable(),
  capacity: z.number(),
  cancelled: z.boolean().optional(),
  seatsLeft: z.number(),
  myStatus: z.enum(['enrolled', 'waitlisted', 'cancelled']).nullable(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const mySessionSchema = sessionSchema.extend({ attended: z.boolean().nullable(), past: z.boolean() });
export type MySession = z.infer<typeof mySessionSchema>;

export const completionSchema = z.object({ sessionId: z.string(), courseId: z.string(), courseTitle: z.string(), completedOn: z.string() });
export type CompletionView = z.infer<typeof completionSchema>;

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

export const distributionSchema = z.union([
  z.object({ suppressed: z.literal(true), people: z.number() }),
  z.object({ suppressed: z.literal(false), people: z.number(), bySkill: z.record(z.string(), z.array(z.number())) }),
]);
export type Distribution = z.infer<typeof distributionSchema>;
const departmentSchema = z.object({ id: z.string(), name: z.string() });
export const departmentDistributionSchema = z.object({ department: departmentSchema, distribution: distributionSchema });
export const wardDistributionSchema = z.object({ ward: distributionSchema, departments: z.array(departmentDistributionSchema) });

export const rosterSchema = z.object({
  roster: z.array(z.object({ employeeId: z.string(), displayName: z.string(), status: z.enum(['enrolled', 'waitlisted', 'cancelled']), attended: z.boolean().optional().nullable() })),
});
export type RosterEntry = z.infer<typeof rosterSchema>['roster'][number];
