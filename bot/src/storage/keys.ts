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
  /** Conversation references: per employee, one row per scope. */
  personalConversation: (employeeId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: 'personal' }),
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
  examPass: (employeeId: string, examId: string) => ({ partitionKey: sanitizeKey(employeeId), rowKey: `exam-${sanitizeKey(examId)}` }),
  /** Broadcasts are listed whole for the admin's report list (a few per week): one partition. */
  broadcast: (broadcastId: string) => ({ partitionKey: 'broadcast', rowKey: sanitizeKey(broadcastId) }),
  /** Deliveries: one partition per broadcast (the report reads it whole), one row per recipient. */
  delivery: (broadcastId: string, employeeId: string) => ({ partitionKey: sanitizeKey(broadcastId), rowKey: sanitizeKey(employeeId) }),
  /** Scheduled job slots: one partition per job, one row per slot (`2026-W48`). */
  scheduleSlot: (job: string, slot: string) => ({ partitionKey: sanitizeKey(job), rowKey: sanitizeKey(slot) }),
} as const;
