import type { Locale } from './catalog/localized-text.js';
import { AppError } from './errors.js';
import type { CourseRepository, EmployeeRepository, TrainingSessionRepository } from './ports.js';
import { decideEnrollment, type Enrollment, type TrainingSession } from './training-sessions.js';

export interface SessionView extends TrainingSession {
  courseTitle: string;
  seatsLeft: number;
  myStatus: Enrollment['status'] | null;
}

export function createTrainingService(deps: { sessions: TrainingSessionRepository; courses: CourseRepository; employees: EmployeeRepository; now?: () => Date }) {
  const now = () => deps.now?.() ?? new Date();
  const requireAdmin = async (employeeId: string) => {
    const employee = await deps.employees.get(employeeId);
    if (!employee?.roles.includes('admin')) throw new AppError('forbidden', { detail: `${employeeId} is not an admin` });
  };
  return {
    /** Upcoming sessions with the caller's own status and the seats left. */
    async upcoming(employeeId: string, locale: Locale): Promise<SessionView[]> {
      const [sessions, courses] = await Promise.all([deps.sessions.listUpcoming(now()), deps.courses.list()]);
      return Promise.all(
        sessions
          .filter((session) => !session.cancelled)
          .map(async (session) => ({
            ...session,
            courseTitle: courses.find((course) => course.id === session.courseId)?.title[locale] ?? session.courseId,
            seatsLeft: Math.max(0, session.capacity - session.enrolledCount),
            myStatus: (await deps.sessions.getEnrollment(session.id, employeeId))?.status ?? null,
          })),
      );
    },
    enroll: (employeeId: string, sessionId: string) => deps.sessions.enroll(sessionId, employeeId, (session, existing) => decideEnrollment(session, existing, now())),
    cancel: (employeeId: string, sessionId: string) => deps.sessions.cancel(sessionId, employeeId),
    /** デジタル推進課 schedules a run of a catalogue course. */
    async schedule(adminId: string, input: Omit<TrainingSession, 'enrolledCount' | 'cancelled'>) {
      await requireAdmin(adminId);
      if (!(await deps.courses.get(input.courseId))) {
        throw new AppError('invalid-input', { detail: `unknown course ${input.courseId}`, userMessage: { ja: '研修が見つかりません。', en: 'Unknown course.' } });
      }
      if (new Date(input.startsAt) <= now() || new Date(input.endsAt) < new Date(input.startsAt)) {
        throw new AppError('invalid-input', {
          detail: 'session times',
          userMessage: { ja: '開始は未来の日時、終了は開始以降にしてください。', en: 'Start must be in the future and end after start.' },
        });
      }
      const session: TrainingSession = { ...input, cancelled: false, enrolledCount: 0 };
      await deps.sessions.create(session);
      return session;
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
