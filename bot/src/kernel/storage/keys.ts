import { createHash } from 'node:crypto';

/**
 * Every PartitionKey and RowKey is built here. Table keys may not contain / \ # ? or control characters;
 * those (and % itself, so the scheme is reversible) are percent-encoded.
 */
export function sanitizeKey(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Table keys forbid
  return value.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (character) =>
    `%${character.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
}

export const keys = {
  /** Employees: one partition per employee, so the profile is a point read by oid. */
  employee: (employeeId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: 'profile' }),
  /** Departments are few (about 100): one partition, listed whole. */
  department: (departmentId: string) => ({ partitionKey: 'department', rowKey: sanitizeKey(departmentId) }),
  /**
   * Conversation references: a point read per employee, spread over 256 partitions by a hash of the id. A partition
   * per employee would do the same in Azure, but the Azurite emulator slows with every partition it holds, and a
   * broadcast reads one reference per recipient.
   */
  personalConversation: (employeeId: string) => ({
    partitionKey: `personal-${createHash('sha256').update(employeeId).digest('hex').slice(0, 2)}`,
    rowKey: sanitizeKey(employeeId),
  }),
  /** The course catalog is small and always listed whole. */
  course: (courseId: string) => ({ partitionKey: 'course', rowKey: sanitizeKey(courseId) }),
  /** Skill self-assessment: the current row and its history live in the employee's own partition. */
  currentAssessment: (employeeId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: 'current' }),
  /** History rows sort newest first: the row key counts down from a far-future time. */
  assessmentHistory: (employeeId: string, at: Date) => ({
    partitionKey: sanitizeKey(employeeId),
    rowKey: `history-${String(9_999_999_999_999 - at.getTime()).padStart(13, '0')}`,
  }),
  /** A training session and its enrolments share one partition, so a seat and its count change atomically. */
  trainingSession: (sessionId: string) => ({ partitionKey: sanitizeKey(sessionId), rowKey: 'session' }),
  enrollment: (sessionId: string, employeeId: string) => ({ partitionKey: sanitizeKey(sessionId), rowKey: `enrollment-${sanitizeKey(employeeId)}` }),
  /** Exam passes sit with the employee's assessment: one partition holds everything the skills tab reads. */
  newsConfirmation: (newsId: string, employeeId: string) => ({ partitionKey: sanitizeKey(newsId), rowKey: sanitizeKey(employeeId) }),
  deliveryWorkingHours: () => ({ partitionKey: 'delivery', rowKey: 'working-hours' }),
  examPass: (employeeId: string, examId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: `exam-${sanitizeKey(examId)}` }),
  /** Completed trainings: in the employee's partition too, one row per session attended. */
  completion: (employeeId: string, sessionId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: `completion-${sanitizeKey(sessionId)}` }),
  /** The exam list sits in the catalog table beside the courses: small, listed whole. */
  examDefinition: (examId: string) => ({ partitionKey: 'exam', rowKey: sanitizeKey(examId) }),
  /** Texts デジタル推進課 writes for employees, one row each. */
  programmeText: (key: string) => ({ partitionKey: 'text', rowKey: sanitizeKey(key) }),
  /** Survey rounds are few: one partition; an annual round also claims its fiscal year with a row there. */
  surveyRound: (roundId: string) => ({ partitionKey: 'round', rowKey: `round-${sanitizeKey(roundId)}` }),
  annualSurveyClaim: (fiscalYear: number) => ({ partitionKey: 'round', rowKey: `annual-${fiscalYear}` }),
  /** Answer sheets per round under a random response id: nothing in the key points at a person. */
  surveyResponse: (roundId: string, responseId: string) => ({ partitionKey: sanitizeKey(roundId), rowKey: sanitizeKey(responseId) }),
  /** Answers waiting for their batch, per round, under a second keyed hash of round and employee. */
  surveyPending: (roundId: string, pendingKey: string) => ({ partitionKey: sanitizeKey(roundId), rowKey: pendingKey }),
  /** A running round's published snapshot, beside the rounds. */
  surveySnapshot: (roundId: string) => ({ partitionKey: 'snapshot', rowKey: sanitizeKey(roundId) }),
  /** The value only the survey key a round started under opens (its key check), beside the rounds. */
  surveyKeyCheck: (roundId: string) => ({ partitionKey: 'key-check', rowKey: sanitizeKey(roundId) }),
  /** Participation per round under the keyed hash of round and employee (hex, already key-safe). */
  surveyParticipation: (roundId: string, participantKey: string) => ({ partitionKey: sanitizeKey(roundId), rowKey: participantKey }),
  /**
   * DX相談: every ticket, its history, its index rows and the number counters share one partition, so creating a
   * ticket or moving it commits atomically (see consultation-repository.ts). Row keys are `kind!…`; ids are
   * sanitised and their `!` encoded, so one id can never be a prefix range of another.
   */
  consultationTicket: (ticketNumber: string) => ({ partitionKey: CONSULTATION_PARTITION, rowKey: `ticket!${consultationId(ticketNumber)}` }),
  consultationHistory: (ticketNumber: string, sequence: number) => ({
    partitionKey: CONSULTATION_PARTITION,
    rowKey: `history!${consultationId(ticketNumber)}!${String(sequence).padStart(6, '0')}`,
  }),
  consultationByRequester: (requesterId: string, ticketNumber: string) => ({
    partitionKey: CONSULTATION_PARTITION,
    rowKey: `requester!${consultationId(requesterId)}!${consultationId(ticketNumber)}`,
  }),
  consultationByStatus: (status: string, ticketNumber: string) => ({
    partitionKey: CONSULTATION_PARTITION,
    rowKey: `status!${consultationId(status)}!${consultationId(ticketNumber)}`,
  }),
  consultationCounter: (year: number) => ({ partitionKey: CONSULTATION_PARTITION, rowKey: `counter!${year}` }),
  /** Scoped to the requester: a form id is only a double-click guard, never a key to someone else's ticket. */
  consultationSubmission: (requesterId: string, submissionId: string) => ({
    partitionKey: CONSULTATION_PARTITION,
    rowKey: `submission!${consultationId(requesterId)}!${consultationId(submissionId)}`,
  }),
  /** Broadcasts are listed whole for the admin's report list (a few per week): one partition. */
  broadcast: (broadcastId: string) => ({ partitionKey: 'broadcast', rowKey: sanitizeKey(broadcastId) }),
  /** Deliveries: one partition per broadcast (the report reads it whole), one row per recipient. */
  delivery: (broadcastId: string, employeeId: string) => ({ partitionKey: sanitizeKey(broadcastId), rowKey: sanitizeKey(employeeId) }),
  /** Scheduled job slots: one partition per job, one row per slot (`2026-W48`). */
  scheduleSlot: (job: string, slot: string) => ({ partitionKey: sanitizeKey(job), rowKey: sanitizeKey(slot) }),
  /** DX相談 desk: the one desk channel, the channel post of each ticket (point reads), FAQ feedback counters. */
  consultationDesk: () => ({ partitionKey: 'desk', rowKey: 'channel' }),
  consultationSlaSettings: () => ({ partitionKey: 'desk', rowKey: 'sla' }),
  consultationTicketPost: (ticketNumber: string) => ({ partitionKey: 'post', rowKey: sanitizeKey(ticketNumber) }),
  faqCounter: (name: string) => ({ partitionKey: 'faq', rowKey: sanitizeKey(name) }),
  /** FAQ counters per JST month, one partition per fiscal year: the desk metrics of a year read one partition. */
  faqMonthPartition: (fiscalYear: number) => `faq-fy${fiscalYear}`,
  /**
   * The FAQ デジタル推進課 edits (table FaqEntries, one partition, so an entry, its history row and the FAQ's
   * generation change in one transaction): `entry!<id>`, `history!<id>!<version>`, `meta!generation`, `meta!seed`.
   */
  faqEntry: (entryId: string) => ({ partitionKey: FAQ_PARTITION, rowKey: `entry!${consultationId(entryId)}` }),
  faqHistory: (entryId: string, version: number) => ({ partitionKey: FAQ_PARTITION, rowKey: `history!${consultationId(entryId)}!${String(version).padStart(6, '0')}` }),
  faqGeneration: () => ({ partitionKey: FAQ_PARTITION, rowKey: 'meta!generation' }),
  faqSeedMarker: () => ({ partitionKey: FAQ_PARTITION, rowKey: 'meta!seed' }),
  /** News items are few (a handful a week) and listed whole for the admin and the digest: one partition. */
  newsItem: (newsId: string) => ({ partitionKey: 'news', rowKey: sanitizeKey(newsId) }),
  /** Notification settings: one row per employee, in their own partition. */
  notificationPreferences: (employeeId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: 'notifications' }),
  /**
   * HR's roster (features/directory): read whole to compare with each file, so one partition per kind; writes go in
   * batches of 100 inside it. The UPN rows index the roster for linking a Teams identity.
   */
  staffRecord: (staffNumber: string) => ({ partitionKey: 'staff', rowKey: sanitizeKey(staffNumber) }),
  staffByUpn: (upn: string) => ({ partitionKey: 'upn', rowKey: sanitizeKey(upn) }),
  /** Transfers of one person sort together and by effective date. */
  staffTransfer: (staffNumber: string, effectiveDate: string, importId: string) => ({
    partitionKey: 'transfer',
    rowKey: `${sanitizeKey(staffNumber).replace(/!/g, '%21')}!${effectiveDate}!${importId}`,
  }),
  /** DX推進委員 per 課: one row per department. */
  promoterAssignment: (departmentId: string) => ({ partitionKey: 'promoter', rowKey: sanitizeKey(departmentId) }),
  /** Directory audit: newest first in one partition (a few entries per week). */
  directoryAudit: (at: Date, id: string) => ({ partitionKey: 'audit', rowKey: `${String(9_999_999_999_999 - at.getTime()).padStart(13, '0')}-${id}` }),
} as const;

const CONSULTATION_PARTITION = 'consultation';
const FAQ_PARTITION = 'faq';

/** Row-key bounds of the FAQ's entries, or of one entry's history rows. */
export function faqRange(kind: 'entry' | 'history', entryId?: string): { partitionKey: string; from: string; to: string } {
  const prefix = kind === 'entry' ? 'entry!' : `history!${consultationId(entryId ?? '')}!`;
  return { partitionKey: FAQ_PARTITION, from: prefix, to: `${prefix.slice(0, -1)}"` };
}

function consultationId(value: string): string {
  return sanitizeKey(value).replace(/!/g, '%21');
}

/** Row-key bounds of one kind of consultation row (`kind!id!…`), for a range query inside the partition. */
export function consultationRange(kind: 'history' | 'requester' | 'status', id: string): { partitionKey: string; from: string; to: string } {
  const prefix = `${kind}!${consultationId(id)}!`;
  // '"' is the character after '!', so the range is exactly the rows starting with the prefix.
  return { partitionKey: CONSULTATION_PARTITION, from: prefix, to: `${prefix.slice(0, -1)}"` };
}
