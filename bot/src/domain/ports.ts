import type { Course } from './catalog/courses.js';
import type { Department, Employee } from './employee.js';
import type { SkillId, SkillLevel } from './catalog/skills.js';
import type { Enrollment, TrainingSession } from './training-sessions.js';
import type { ExamPass } from './exam-records.js';

/**
 * Storage ports the domain needs. Reads return undefined for "not there"; writes that lose an optimistic
 * concurrency race throw ConcurrencyError so the caller can re-read and retry.
 */
export interface EmployeeRepository {
  get(id: string): Promise<Employee | undefined>;
  /** Inserts or replaces the whole record. */
  save(employee: Employee): Promise<void>;
  /** Re-reads, applies change and writes with the read ETag; retries a few times on a concurrent write. */
  update(id: string, change: (current: Employee | undefined) => Employee | Promise<Employee>): Promise<Employee>;
  list(): Promise<Employee[]>;
}

export interface DepartmentRepository {
  get(id: string): Promise<Department | undefined>;
  save(department: Department): Promise<void>;
  list(): Promise<Department[]>;
}

/**
 * A stored Bot Framework conversation reference, opaque to the domain: whatever Teams needs to reach the
 * employee proactively later.
 */
export interface StoredConversationReference {
  employeeId: string;
  scope: 'personal';
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ConversationReferenceRepository {
  get(employeeId: string): Promise<StoredConversationReference | undefined>;
  save(reference: StoredConversationReference): Promise<void>;
}

export interface CourseRepository {
  get(id: string): Promise<Course | undefined>;
  save(course: Course): Promise<void>;
  list(): Promise<Course[]>;
}

/** An employee's self-assessment: the criteria they ticked and the level they aim for per skill. */
export interface SkillAssessment {
  employeeId: string;
  ticked: string[];
  goals: Partial<Record<SkillId, SkillLevel>>;
  /** Mindset statements (for the employee's job level) they recognise in themselves. */
  mindsetChecks: string[];
  updatedAt: string | undefined;
}

export interface SkillAssessmentChange {
  at: string;
  added: string[];
  removed: string[];
}

export interface SkillAssessmentRepository {
  /** The current assessment; an employee who never ticked anything has an empty one. */
  get(employeeId: string): Promise<SkillAssessment>;
  /** Writes the new assessment guarded by the ETag of the one `change` saw, and appends the change to history. */
  update(employeeId: string, change: (current: SkillAssessment) => SkillAssessment): Promise<SkillAssessment>;
  history(employeeId: string): Promise<SkillAssessmentChange[]>;
}

export interface TrainingSessionRepository {
  create(session: TrainingSession): Promise<void>;
  get(sessionId: string): Promise<TrainingSession | undefined>;
  listUpcoming(now: Date): Promise<TrainingSession[]>;
  enrollments(sessionId: string): Promise<Enrollment[]>;
  getEnrollment(sessionId: string, employeeId: string): Promise<Enrollment | undefined>;
  /**
   * Reads the session and the employee's enrolment, lets `decide` choose, and writes the enrolment and the seat
   * count in one transaction guarded by the session's ETag; retries when another enrolment won the race.
   */
  enroll(sessionId: string, employeeId: string, decide: (session: TrainingSession, existing: Enrollment | undefined) => 'enrolled' | 'waitlisted'): Promise<Enrollment>;
  /** Cancels the employee's enrolment; a freed seat goes to the first on the waitlist, in the same transaction. */
  cancel(sessionId: string, employeeId: string): Promise<{ cancelled: Enrollment; promoted: Enrollment | undefined }>;
}

export interface ExamPassRepository {
  list(employeeId: string): Promise<ExamPass[]>;
  /** One row per exam: recording a pass again replaces the date. */
  save(employeeId: string, pass: ExamPass): Promise<void>;
  remove(employeeId: string, examId: string): Promise<void>;
}

export type {
  BroadcastContent,
  BroadcastRepository,
  DeliveryRepository,
  DeliveryWorkQueue,
  ProactiveSender,
  ReceivedWorkItem,
  ScheduleLeaseRepository,
  SendResult,
  WorkItem,
} from './delivery/delivery-ports.js';
