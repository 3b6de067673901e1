import type { Course } from './catalog/courses.js';
import type { Department, Employee } from './employee.js';
import type { SkillId, SkillLevel } from './catalog/skills.js';
import type { Enrollment, TrainingSession } from '../../features/training/domain/training-sessions.js';
import type { ExamPass } from '../../features/skills/domain/exam-records.js';
import type { Locale, LocalizedText } from './catalog/localized-text.js';
import type { NewsItem, NotificationPreferences } from '../../features/news/domain/news-items.js';
import type { Completion } from '../../features/training/domain/training-records.js';
import type { JobLevel } from './catalog/job-levels.js';
import type { SurveyAnswers, SurveyRound } from '../../features/survey/domain/survey-rounds.js';
import type { AnonymousSurveyResponse } from '../../features/survey/domain/survey-results.js';
import type { Ticket, TicketChange, TicketHistoryEntry, TicketStatus } from '../../features/consultation/domain/tickets.js';

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
  /** Every employee's current assessment (ward-wide reports and the 人材データ export). */
  listCurrent(): Promise<SkillAssessment[]>;
}

export interface TrainingSessionRepository {
  create(session: TrainingSession): Promise<void>;
  get(sessionId: string): Promise<TrainingSession | undefined>;
  listUpcoming(now: Date): Promise<TrainingSession[]>;
  /** Every session, past ones included (a few hundred a year). */
  listAll(): Promise<TrainingSession[]>;
  enrollments(sessionId: string): Promise<Enrollment[]>;
  getEnrollment(sessionId: string, employeeId: string): Promise<Enrollment | undefined>;
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

export interface ExamPassRepository {
  list(employeeId: string): Promise<ExamPass[]>;
  /** Every employee's passes, for the 人材データ export. */
  listAll(): Promise<(ExamPass & { employeeId: string })[]>;
  /** One row per exam: recording a pass again replaces the date. */
  save(employeeId: string, pass: ExamPass): Promise<void>;
  remove(employeeId: string, examId: string): Promise<void>;
}

/** An IT exam that counts as evidence (国家試験(ITパスポート等)); デジタル推進課 may add more. */
export interface ExamDefinition {
  id: string;
  name: LocalizedText;
}

export interface ExamCatalogRepository {
  list(): Promise<ExamDefinition[]>;
  save(exam: ExamDefinition): Promise<void>;
}

/** Completed trainings live in the employee's partition, beside their assessment and exam passes. */
export interface CompletionRepository {
  list(employeeId: string): Promise<Completion[]>;
  save(completion: Completion): Promise<void>;
  remove(employeeId: string, sessionId: string): Promise<void>;
  /** Every completion of every employee, for the 人材データ export. */
  listAll(): Promise<Completion[]>;
}

/** Texts デジタル推進課 writes for employees, e.g. how the IT exam subsidy (助成) works. */
export interface ProgrammeText {
  key: string;
  body: LocalizedText;
  updatedBy: string | undefined;
  updatedAt: string | undefined;
}

export interface ProgrammeTextRepository {
  get(key: string): Promise<ProgrammeText | undefined>;
  save(text: ProgrammeText): Promise<void>;
}

/** Survey rounds (issue 5). Writes that lose a race throw ConcurrencyError. */
export interface SurveyRoundRepository {
  get(roundId: string): Promise<SurveyRound | undefined>;
  list(): Promise<SurveyRound[]>;
  /**
   * Stores the round `decide` builds from the rounds already stored (decide refuses clashes). An annual round
   * also claims its fiscal year in the same transaction, so two admins racing cannot both create one; the loser
   * decides again against the winner's round and gets the domain's refusal.
   */
  create(decide: (existing: SurveyRound[]) => SurveyRound): Promise<SurveyRound>;
  /** ETag-guarded change; cancelling an annual round releases its fiscal year. */
  update(roundId: string, change: (current: SurveyRound) => SurveyRound): Promise<SurveyRound>;
}

export interface SurveySubmission {
  roundId: string;
  employeeId: string;
  answers: SurveyAnswers;
  departmentId: string | undefined;
  jobLevel: JobLevel | undefined;
  submittedAt: string;
}

export type StoredSurveyResponse = AnonymousSurveyResponse & { responseId: string };

/**
 * Survey answers without identity, and participation without answers. The adapter holds the secret that links
 * the two; whoever reads the tables without it sees anonymous answer sheets and unlinkable participation rows.
 */
export interface SurveyResponseRepository {
  /** Stores the employee's answers, replacing any earlier ones: at most one answer sheet per employee per round. */
  submit(submission: SurveySubmission): Promise<{ responseId: string; replaced: boolean }>;
  /** The employee's own answer sheet, if they have answered. */
  findOwn(roundId: string, employeeId: string): Promise<StoredSurveyResponse | undefined>;
  /** Those of `employeeIds` who have not answered the round, in the given order (reminders go to them). */
  notAnswered(roundId: string, employeeIds: readonly string[]): Promise<string[]>;
  /** Every answer sheet of the round, anonymous, for aggregation. */
  listResponses(roundId: string): Promise<AnonymousSurveyResponse[]>;
}

/**
 * DX相談 tickets. Creating allocates the next number of the year with no gaps or duplicates, even from several
 * instances at once; a transition re-reads the ticket, lets `change` decide (the domain's applyTransition), and
 * writes the ticket, its history entry and its index rows together, guarded by the ticket's ETag; a lost race
 * re-runs `change` on the new state, so a stale action meets the current status and is refused there.
 */
export interface ConsultationRepository {
  create(request: {
    year: number;
    /** The form's id: a second submit of the same form returns the first ticket instead of making another. */
    submissionId?: string | undefined;
    build: (ticketNumber: string) => TicketChange;
  }): Promise<{ ticket: Ticket; created: boolean }>;
  get(ticketNumber: string): Promise<Ticket | undefined>;
  /** Oldest first. */
  history(ticketNumber: string): Promise<TicketHistoryEntry[]>;
  /** The requester's tickets, newest first ("私の相談", 「相談状況」). */
  listByRequester(requesterId: string): Promise<Ticket[]>;
  /** The queue: tickets in any of these statuses, oldest first. */
  listByStatus(statuses: readonly TicketStatus[]): Promise<Ticket[]>;
  /** Throws AppError('not-found') for an unknown number; whatever `change` throws reaches the caller unchanged. */
  transition(ticketNumber: string, change: (current: Ticket) => TicketChange | Promise<TicketChange>): Promise<TicketChange>;
  /**
   * Marks the one "unassigned for 2 business days" reminder as sent, if the ticket is still new and unreminded;
   * true only for the caller that marked it, so two instances never both send it.
   */
  claimUnassignedReminder(ticketNumber: string, at: Date): Promise<boolean>;
}

/**
 * Sends survey cards to employees' personal chats (issue 5). Implemented by the broadcast/delivery engine, which
 * is durable and paced for Teams' rate limits: a call returns once the deliveries are accepted (queued), not when
 * every card has arrived. Each employee gets the round's survey card (buildSurveyCard) in their locale.
 */
export interface SurveyNotifier {
  /** The round has started: invite its audience. */
  invite(round: SurveyRound, employeeIds: readonly string[]): Promise<void>;
  /** A reminder slot is due: remind those of the audience who have not answered (never respondents). */
  remind(round: SurveyRound, employeeIds: readonly string[], slot: string): Promise<void>;
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
} from '../../delivery/domain/delivery-ports.js';

// Kept beside the DX相談 ports (appended) rather than in the import block, to keep merges of this shared file simple.
import type { ProactiveSender as DeliveryProactiveSender, SendResult as DeliverySendResult } from '../../delivery/domain/delivery-ports.js';

/** デジタル推進課's desk channel, as an admin set it with 「相談窓口に設定」 (issue 3). */
export interface ConsultationDesk {
  /** The channel's conversation id (no thread suffix): new tickets start new posts there. */
  conversationId: string;
  /** The Bot Framework conversation reference for proactive posts, as Teams sent it. */
  reference: Record<string, unknown>;
  setBy: string;
  setAt: string;
}

/** The channel message that shows a ticket, so every later change can update that one card for everyone. */
export interface TicketPost {
  ticketNumber: string;
  conversationId: string;
  activityId: string;
  postedAt: string;
}

export interface ConsultationDeskRepository {
  getDesk(): Promise<ConsultationDesk | undefined>;
  /** Replaces the desk (one channel at a time: the last admin to set it wins). */
  saveDesk(desk: ConsultationDesk): Promise<void>;
  getTicketPost(ticketNumber: string): Promise<TicketPost | undefined>;
  saveTicketPost(post: TicketPost): Promise<void>;
  /** How often an FAQ card's 「解決しました」 was pressed, per FAQ entry shown on it (process evaluation). */
  recordFaqResolved(faqIds: readonly string[]): Promise<void>;
  /** How many FAQ answer cards were shown. */
  recordFaqShown(): Promise<void>;
  faqStatistics(): Promise<{ shown: number; resolved: number; resolvedByEntry: Record<string, number> }>;
}

/**
 * What the desk and the requester are told about tickets. Implemented over Teams: the desk channel gets a card
 * per ticket that is updated in place; the requester's notices go through the delivery engine (durable, paced).
 * Calls return once the work is accepted, not when it reached Teams.
 */
export interface ConsultationNotifier {
  /** A new ticket: post its card in the desk channel; false when no desk channel is set (nothing to post to). */
  ticketFiled(filed: TicketChange): Promise<boolean>;
  /** A ticket changed: refresh its channel card, and tell the requester when someone else assigned, commented or resolved. */
  ticketChanged(change: TicketChange): Promise<void>;
  /** Tickets nobody took for 2 business days: one reminder post in the desk channel. */
  unassignedReminder(tickets: readonly Ticket[]): Promise<void>;
}

/** Posts into and updates messages in a stored conversation (a Teams channel). One HTTP attempt per call. */
export interface ConversationMessenger extends DeliveryProactiveSender {
  update(reference: Record<string, unknown>, activityId: string, message: Record<string, unknown>): Promise<DeliverySendResult>;
}

/** インフォメーション (issue 4): news items, listed whole (a few a week) from one partition. */
export interface NewsRepository {
  get(id: string): Promise<NewsItem | undefined>;
  list(): Promise<NewsItem[]>;
  /** Re-reads, lets `change` decide (it may refuse by throwing) and writes guarded by the read ETag; retries a lost race. */
  upsert(id: string, change: (current: NewsItem | undefined) => NewsItem): Promise<NewsItem>;
}

export interface NotificationPreferenceRepository {
  /** Undefined for an employee who never changed the defaults (every category on). */
  get(employeeId: string): Promise<NotificationPreferences | undefined>;
  save(preferences: NotificationPreferences): Promise<void>;
  list(): Promise<NotificationPreferences[]>;
}

/** Who gets a news card, in which language. */
export interface NewsRecipient {
  employeeId: string;
  locale: Locale;
}

/**
 * Sends news through the delivery engine (durable, paced, once per recipient). Broadcast ids derive from what is
 * sent (`news-<itemId>`, `weekly-digest-<slot>`), so a repeated call never sends twice; calls return once queued.
 */
export interface NewsPublisher {
  sendNow(item: NewsItem, recipients: readonly NewsRecipient[], audience: string): Promise<{ broadcastId: string; created: boolean }>;
  sendDigest(slot: string, digests: readonly { recipient: NewsRecipient; items: NewsItem[] }[]): Promise<{ broadcastId: string; created: boolean }>;
}

/** A training session reminder as the card shows it. */
export interface TrainingReminder {
  session: TrainingSession;
  courseTitle: LocalizedText;
  days: number;
}

export interface TrainingReminderPublisher {
  /** Broadcast id `training-reminder-<sessionId>-<days>d`: once per session and window. */
  remind(reminder: TrainingReminder, recipients: readonly NewsRecipient[]): Promise<{ broadcastId: string; created: boolean }>;
}

/** Tells the people signed up for a session that デジタル推進課 cancelled it (through the delivery engine). */
export interface SessionCancellationNotifier {
  sessionCancelled(session: TrainingSession, courseTitle: LocalizedText, employeeIds: readonly string[]): Promise<void>;
}
