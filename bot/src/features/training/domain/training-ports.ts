import type { Enrollment, TrainingSession } from './training-sessions.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { Completion } from './training-records.js';

export interface TrainingSessionRepository {
  create(session: TrainingSession): Promise<void>;
  get(sessionId: string): Promise<TrainingSession | undefined>;
  listUpcoming(now: Date): Promise<TrainingSession[]>;
  /** Every session, past ones included (a few hundred a year). */
  listAll(): Promise<TrainingSession[]>;
  enrollments(sessionId: string): Promise<Enrollment[]>;
  getEnrollment(sessionId: string, employeeId: string): Promise<Enrollment | undefined>;
  /**
   * The employee's enrolment in each of these sessions (undefined where none), in the same order, for 研修を探す:
   * read from each session's enrolment list, which every turn of this instance shares for SHARED_READ_TTL_MS
   * (200 staff opening the finder at once cost one read per session, not one per person and session). A write
   * through this instance is seen at once; another instance's within the TTL.
   */
  enrollmentsIn(sessionIds: readonly string[], employeeId: string): Promise<(Enrollment | undefined)[]>;
  /** Every enrolment of one employee, across sessions (one filtered query, not a read per session). */
  enrollmentsOf(employeeId: string): Promise<Enrollment[]>;
  /**
   * Reads the session and the employee's enrolment, lets `decide` choose, and writes the enrolment and the seat
   * count in one transaction guarded by the session's ETag; retries when another enrolment won the race.
   */
  enroll(sessionId: string, employeeId: string, decide: (session: TrainingSession, existing: Enrollment | undefined) => 'enrolled' | 'waitlisted'): Promise<Enrollment>;
  /** Cancels the employee's enrolment; a freed seat goes to the first on the waitlist, in the same transaction. */
  cancel(sessionId: string, employeeId: string): Promise<{ cancelled: Enrollment; promoted: Enrollment | undefined }>;
  /** Marks the session cancelled (ETag-guarded); enrolments stay as they were, for the record. */
  markCancelled(sessionId: string): Promise<TrainingSession>;
  /** Marks who attended and who did not among the seated, in one transaction on the session's partition. */
  recordAttendance(sessionId: string, attendance: { attended: string[]; notAttended: string[] }): Promise<void>;
}

/** Completed trainings live in the employee's partition, beside their assessment and exam passes. */
export interface CompletionRepository {
  list(employeeId: string): Promise<Completion[]>;
  save(completion: Completion): Promise<void>;
  remove(employeeId: string, sessionId: string): Promise<void>;
  /** Every completion of every employee, for the 人材データ export. */
  listAll(): Promise<Completion[]>;
}

/** Tells the people signed up for a session that デジタル推進課 cancelled it (through the delivery engine). */
export interface SessionCancellationNotifier {
  sessionCancelled(session: TrainingSession, courseTitle: LocalizedText, employeeIds: readonly string[]): Promise<void>;
}
