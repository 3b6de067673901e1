import { z } from 'zod';

/** The training API contract: the server's routes answer it and the tab parses it. */
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

export const rosterSchema = z.object({
  roster: z.array(z.object({ employeeId: z.string(), displayName: z.string(), status: z.enum(['enrolled', 'waitlisted', 'cancelled']), attended: z.boolean().optional().nullable() })),
});
export type RosterEntry = z.infer<typeof rosterSchema>['roster'][number];

export const sessionsSchema = z.object({ sessions: z.array(sessionSchema) });
export const mySessionsSchema = z.object({ sessions: z.array(mySessionSchema) });
export const completionsSchema = z.object({ completions: z.array(completionSchema) });
export const enrolmentSchema = z.object({ status: z.enum(['enrolled', 'waitlisted', 'cancelled']) });
export const scheduledSessionSchema = z.object({ id: z.string() });
export const attendanceRecordedSchema = z.object({ attended: z.number(), notAttended: z.number() });

const idSchema = z.string().trim().min(1).max(100);
/** What デジタル推進課 sends to schedule a session and to record attendance. */
export const scheduleInputSchema = z.object({
  courseId: idSchema,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(200).optional(),
  onlineUrl: z.url({ protocol: /^https$/ }).optional(),
  capacity: z.number().int().min(1).max(1000),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;
export const attendanceInputSchema = z.object({ attended: z.array(idSchema).max(99) });
