import { AppError } from '../../../kernel/domain/errors.js';
import type { Enrollment, TrainingSession } from './training-sessions.js';

/** A training an employee completed, confirmed by デジタル推進課 from the attendance of one session. */
export interface Completion {
  employeeId: string;
  sessionId: string;
  courseId: string;
  /** YYYY-MM-DD in JST: the day of the session. */
  completedOn: string;
  confirmedBy: string;
  confirmedAt: string;
}


/**
 * Attendance for a session that has started: only people holding a seat can have attended. Returns who gains a
 * completion and who loses one (an admin un-ticking a mistake), relative to what was recorded before.
 */
export function planAttendance(input: {
  session: TrainingSession;
  enrollments: readonly (Enrollment & { attended?: boolean })[];
  attendedIds: readonly string[];
  now: Date;
}): { attended: string[]; notAttended: string[] } {
  const { session, enrollments, now } = input;
  if (session.cancelled) {
    throw new AppError('invalid-input', { detail: `session ${session.id} cancelled`, userMessage: { ja: '中止された回の出席は記録できません。', en: 'A cancelled session has no attendance.' } });
  }
  if (new Date(session.startsAt) > now) {
    throw new AppError('invalid-input', {
      detail: `session ${session.id} has not started`,
      userMessage: { ja: '開催前の回の出席は記録できません。', en: 'Attendance can be recorded once the session has started.' },
    });
  }
  const seated = new Set(enrollments.filter((enrollment) => enrollment.status === 'enrolled').map((enrollment) => enrollment.employeeId));
  const stranger = input.attendedIds.find((id) => !seated.has(id));
  if (stranger) {
    throw new AppError('invalid-input', {
      detail: `${stranger} holds no seat in ${session.id}`,
      userMessage: { ja: '申し込みのない職員は出席にできません。', en: 'Only people signed up for this session can be marked as attended.' },
    });
  }
  const attended = new Set(input.attendedIds);
  return { attended: [...seated].filter((id) => attended.has(id)), notAttended: [...seated].filter((id) => !attended.has(id)) };
}
