import { AppError } from '../../../kernel/domain/errors.js';

/** One scheduled run of a course (研修の開催回). Times are ISO instants; the UI shows them in JST. */
export interface TrainingSession {
  id: string;
  courseId: string;
  startsAt: string;
  endsAt: string;
  place: string | undefined;
  onlineUrl: string | undefined;
  capacity: number;
  cancelled: boolean;
  enrolledCount: number;
}

export type EnrollmentStatus = 'enrolled' | 'waitlisted' | 'cancelled';

export interface Enrollment {
  sessionId: string;
  employeeId: string;
  status: EnrollmentStatus;
  at: string;
  /** Set by デジタル推進課 after the session: true attended, false absent, undefined not yet recorded. */
  attended?: boolean | undefined;
}

const refuse = (ja: string, en: string, detail: string) => new AppError('invalid-input', { detail, userMessage: { ja, en } });

/**
 * Whether an employee gets a seat or a waitlist place: refused for a past or cancelled session or a second
 * enrolment; a seat while the session has room; otherwise the waitlist.
 */
export function decideEnrollment(session: TrainingSession, existing: Enrollment | undefined, now: Date): 'enrolled' | 'waitlisted' {
  if (session.cancelled) throw refuse('この回は中止になりました。', 'This session was cancelled.', `session ${session.id} cancelled`);
  if (new Date(session.startsAt) <= now) throw refuse('この回はすでに始まっています。', 'This session has already started.', `session ${session.id} past`);
  if (existing && existing.status !== 'cancelled') {
    throw refuse('すでに申し込み済みです。', 'You have already signed up.', `employee ${existing.employeeId} already ${existing.status}`);
  }
  return session.enrolledCount < session.capacity ? 'enrolled' : 'waitlisted';
}

/** When a seat is freed, the longest-waiting person on the waitlist gets it. */
export function nextFromWaitlist(enrollments: readonly Enrollment[]): Enrollment | undefined {
  return enrollments.filter((enrollment) => enrollment.status === 'waitlisted').sort((a, b) => a.at.localeCompare(b.at))[0];
}

/** Refusals the storage adapter throws, with their text here rather than in storage code. */
export const sessionNotFound = (sessionId: string): AppError =>
  new AppError('not-found', { detail: `no training session ${sessionId}`, userMessage: { ja: '研修の回が見つかりません。', en: 'Training session not found.' } });

export const notEnrolled = (employeeId: string, sessionId: string): AppError =>
  new AppError('not-found', {
    detail: `employee ${employeeId} is not enrolled in ${sessionId}`,
    userMessage: { ja: 'この回には申し込んでいません。', en: 'You are not signed up for this session.' },
  });

/** A Table transaction holds at most 100 operations: the session row plus 99 attendees. */
export const attendanceTooLarge = (): AppError =>
  new AppError('invalid-input', { detail: 'attendance over 99 people', userMessage: { ja: '一度に記録できるのは99名までです。', en: 'Up to 99 people can be recorded at once.' } });
