import { z } from 'zod';

export const mySkillsSchema = z.object({
  levels: z.record(z.string(), z.number()),
  ticked: z.array(z.string()),
  goals: z.record(z.string(), z.number()),
  mindsetChecks: z.array(z.string()),
  updatedAt: z.string().optional().nullable(),
  recommendations: z.array(z.object({ skillId: z.string(), targetLevel: z.number(), gap: z.number(), reason: z.string(), courseIds: z.array(z.string()) })),
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
  seatsLeft: z.number(),
  myStatus: z.enum(['enrolled', 'waitlisted', 'cancelled']).nullable(),
});
export type SessionView = z.infer<typeof sessionSchema>;
