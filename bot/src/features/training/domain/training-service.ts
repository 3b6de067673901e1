import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { adminCheck } from '../../../kernel/domain/access.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { CompletionRepository, SessionCancellationNotifier, TrainingSessionRepository } from './training-ports.js';
import type { CourseRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import { jstDate } from '../../../kernel/domain/jst.js';
import { planAttendance, type Completion } from './training-records.js';
import { decideEnrollment, type Enrollment, type TrainingSession } from './training-sessions.js';

export interface SessionView extends TrainingSession {
  courseTitle: string;
  seatsLeft: number;
  myStatus: Enrollment['status'] | null;
}

export interface RosterEntry {
  employeeId: string;
  displayName: string;
  departmentId: string | undefined;
  status: Enrollment['status'];
  attended: boolean | undefined;
}

const sessionNotFound = (sessionId: string) =>
  new AppError('not-found', { detail: `no training session ${sessionId}`, userMessage: { ja: '研修の回が見つかりません。', en: 'Training session not found.' } });

export function createTrainingService(deps: {
  sessions: TrainingSessionRepository;
  courses: CourseRepository;
  employees: EmployeeRepository;
  completions: CompletionRepository;
  /** Tells those signed up when a session is cancelled. */
  cancellations: SessionCancellationNotifier;
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();
  const asAdmin = adminCheck(deps.employees);
  const titles = async (locale: Locale) => {
    const courses = await deps.courses.list();
    return (courseId: string) => courses.find((course) => course.id === courseId)?.title[locale] ?? courseId;
  };
  const view = (session: TrainingSession, courseTitle: string, myStatus: SessionView['myStatus']): SessionView => ({
    ...session,
    courseTitle,
    seatsLeft: Math.max(0, session.capacity - session.enrolledCount),
    myStatus,
  });
  return {
    /** Upcoming sessions with the caller's own status and the seats left. */
    async upcoming(employeeId: string, locale: Locale): Promise<SessionView[]> {
      const [sessions, titleOf] = await Promise.all([deps.sessions.listUpcoming(now()), titles(locale)]);
      const open = sessions.filter((session) => !session.cancelled);
      // From each open session's enrolment list, shared by every turn of this instance for a few seconds: a crowd
      // opening 研修を探す at once costs one read per session, not one per person and session.
      const mine = await deps.sessions.enrollmentsIn(
        open.map((session) => session.id),
        employeeId,
      );
      return open.map((session, index) => view(session, titleOf(session.courseId), mine[index]?.status ?? null));
    },
    /** The caller's own sessions, upcoming and past, with their status and whether attendance was confirmed. */
    async mine(employeeId: string, locale: Locale) {
      const [mine, titleOf] = await Promise.all([deps.sessions.enrollmentsOf(employeeId), titles(locale)]);
      const at = now();
      const active = mine.filter((enrollment) => enrollment.status !== 'cancelled');
      const sessions = await Promise.all(active.map((enrollment) => deps.sessions.get(enrollment.sessionId)));
      return active
        .flatMap((enrollment, index) => {
          const session = sessions[index];
          return session ? [{ ...view(session, titleOf(session.courseId), enrollment.status), attended: enrollment.attended ?? null, past: new Date(session.startsAt) <= at }] : [];
        })
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
    enroll: (employeeId: string, sessionId: string) => deps.sessions.enroll(sessionId, employeeId, (session, existing) => decideEnrollment(session, existing, now())),
    cancel: (employeeId: string, sessionId: string) => deps.sessions.cancel(sessionId, employeeId),
    /** デジタル推進課 schedules a run of a catalogue course. */
    async schedule(adminId: string, input: Omit<TrainingSession, 'enrolledCount' | 'cancelled'>) {
      await asAdmin(adminId);
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
    /** Every session for デジタル推進課, past ones included. */
    async allSessions(adminId: string, locale: Locale): Promise<SessionView[]> {
      await asAdmin(adminId);
      const [sessions, titleOf] = await Promise.all([deps.sessions.listAll(), titles(locale)]);
      return sessions.map((session) => view(session, titleOf(session.courseId), null));
    },
    /**
     * デジタル推進課 cancels a session that has not started: it leaves every list of open sessions, no reminder goes
     * out for it, and everyone signed up or waiting is told. Cancelling twice changes nothing and tells nobody again.
     */
    async cancelSession(adminId: string, sessionId: string) {
      await asAdmin(adminId);
      const session = await deps.sessions.get(sessionId);
      if (!session) throw sessionNotFound(sessionId);
      if (session.cancelled) return session;
      if (new Date(session.startsAt) <= now()) {
        throw new AppError('invalid-input', {
          detail: `session ${sessionId} has started`,
          userMessage: { ja: '開始した回は中止できません。', en: 'A session that has started cannot be cancelled.' },
        });
      }
      const cancelled = await deps.sessions.markCancelled(sessionId);
      const [course, enrollments] = await Promise.all([deps.courses.get(session.courseId), deps.sessions.enrollments(sessionId)]);
      const signedUp = enrollments.filter((enrollment) => enrollment.status !== 'cancelled').map((enrollment) => enrollment.employeeId);
      if (signedUp.length > 0) await deps.cancellations.sessionCancelled(cancelled, course?.title ?? { ja: session.courseId, en: session.courseId }, signedUp);
      return cancelled;
    },
    async roster(adminId: string, sessionId: string): Promise<RosterEntry[]> {
      await asAdmin(adminId);
      if (!(await deps.sessions.get(sessionId))) throw sessionNotFound(sessionId);
      const enrollments = (await deps.sessions.enrollments(sessionId)).filter((enrollment) => enrollment.status !== 'cancelled');
      return Promise.all(
        enrollments.map(async (enrollment) => {
          const employee = await deps.employees.get(enrollment.employeeId);
          return {
            employeeId: enrollment.employeeId,
            displayName: employee?.displayName ?? enrollment.employeeId,
            departmentId: employee?.departmentId,
            status: enrollment.status,
            attended: enrollment.attended,
          };
        }),
      );
    },
    /**
     * Attendance after the session: each attendee gets a completion (evidence in マイDXスキル and the 人材データ export);
     * someone un-ticked loses the one recorded earlier. The session partition is written first, as the record of truth.
     */
    async recordAttendance(adminId: string, sessionId: string, attendedIds: string[]) {
      await asAdmin(adminId);
      const session = await deps.sessions.get(sessionId);
      if (!session) throw sessionNotFound(sessionId);
      const plan = planAttendance({ session, enrollments: await deps.sessions.enrollments(sessionId), attendedIds, now: now() });
      await deps.sessions.recordAttendance(sessionId, plan);
      const confirmedAt = now().toISOString();
      await Promise.all([
        ...plan.attended.map((employeeId) =>
          deps.completions.save({ employeeId, sessionId, courseId: session.courseId, completedOn: jstDate(session.startsAt), confirmedBy: adminId, confirmedAt }),
        ),
        ...plan.notAttended.map((employeeId) => deps.completions.remove(employeeId, sessionId)),
      ]);
      return { attended: plan.attended.length, notAttended: plan.notAttended.length };
    },
    async completions(employeeId: string, locale: Locale): Promise<(Completion & { courseTitle: string })[]> {
      const [completions, titleOf] = await Promise.all([deps.completions.list(employeeId), titles(locale)]);
      return completions.map((completion) => ({ ...completion, courseTitle: titleOf(completion.courseId) }));
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
