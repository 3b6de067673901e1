import { odata, type TransactionAction } from '@azure/data-tables';
import type { TrainingSessionRepository } from '../domain/training-ports.js';
import { attendanceTooLarge, nextFromWaitlist, notEnrolled, sessionNotFound, type Enrollment, type EnrollmentStatus, type TrainingSession } from '../domain/training-sessions.js';
import { keys } from '../../../kernel/storage/keys.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { getEntityOrUndefined, listAll, toConcurrencyError, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface SessionEntity {
  sessionId: string;
  courseId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: number;
  cancelled: boolean;
  enrolledCount: number;
}

interface EnrollmentEntity {
  sessionId: string;
  employeeId: string;
  status: EnrollmentStatus;
  at: string;
  /** '' not recorded, 'yes' attended, 'no' absent. */
  attended?: string;
}

const toSession = (entity: SessionEntity): TrainingSession => ({
  id: entity.sessionId,
  courseId: entity.courseId,
  startsAt: entity.startsAt,
  endsAt: entity.endsAt,
  place: entity.place || undefined,
  onlineUrl: entity.onlineUrl || undefined,
  capacity: entity.capacity,
  cancelled: entity.cancelled,
  enrolledCount: entity.enrolledCount,
});
const toEnrollment = (entity: EnrollmentEntity): Enrollment => ({
  sessionId: entity.sessionId,
  employeeId: entity.employeeId,
  status: entity.status,
  at: entity.at,
  attended: entity.attended === 'yes' ? true : entity.attended === 'no' ? false : undefined,
});
const enrollmentEntity = (enrollment: Enrollment) => ({
  ...keys.enrollment(enrollment.sessionId, enrollment.employeeId),
  sessionId: enrollment.sessionId,
  employeeId: enrollment.employeeId,
  status: enrollment.status,
  at: enrollment.at,
  attended: enrollment.attended === undefined ? '' : enrollment.attended ? 'yes' : 'no',
});

export function createTrainingSessionRepository(storage: TableStorage): TrainingSessionRepository {
  const table = storage.client('TrainingSessions');
  const readSession = async (sessionId: string) => getEntityOrUndefined<SessionEntity>(table, keys.trainingSession(sessionId));

  /** Runs one optimistic transaction on the session's partition, re-reading on a lost race. */
  async function withSessionTransaction<T>(sessionId: string, plan: (session: TrainingSession & { etag: string }) => Promise<{ actions: TransactionAction[]; result: T }>): Promise<T> {
    // 50 people pressing 申し込む at once means up to 49 lost races for the last one; retries are cheap point reads.
    return withEtagRetry(`training session ${sessionId}`, 'contended', async () => {
      const entity = await readSession(sessionId);
      if (!entity) throw sessionNotFound(sessionId);
      const { actions, result } = await plan({ ...toSession(entity), etag: entity.etag });
      await table.submitTransaction(actions);
      return result;
    });
  }

  const sessionUpdate = (session: TrainingSession & { etag: string }, enrolledCount: number): TransactionAction => [
    'update',
    { ...keys.trainingSession(session.id), enrolledCount },
    'Merge',
    { etag: session.etag },
  ];

  const enrollmentsOf = async (sessionId: string) => {
    const rows = await listAll<EnrollmentEntity>(
      table,
      odata`PartitionKey eq ${keys.trainingSession(sessionId).partitionKey} and RowKey gt ${'enrollment-'} and RowKey lt ${'enrollment.'}`,
    );
    return rows.map(toEnrollment);
  };

  return {
    async create(session) {
      try {
        await table.createEntity({
        ...keys.trainingSession(session.id),
        sessionId: session.id,
        courseId: session.courseId,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        place: session.place ?? '',
        onlineUrl: session.onlineUrl ?? '',
        capacity: session.capacity,
        cancelled: session.cancelled,
        enrolledCount: 0,
        });
      } catch (error) {
        throw toConcurrencyError(error, `training session ${session.id}`);
      }
    },
    async get(sessionId) {
      const entity = await readSession(sessionId);
      return entity && toSession(entity);
    },
    async listUpcoming(now) {
      const rows = await listAll<SessionEntity>(table, odata`RowKey eq ${'session'} and startsAt gt ${now.toISOString()}`);
      return rows.map(toSession).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
    async listAll() {
      const rows = await listAll<SessionEntity>(table, odata`RowKey eq ${'session'}`);
      return rows.map(toSession).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
    enrollments: enrollmentsOf,
    async enrollmentsOf(employeeId) {
      const rows = await listAll<EnrollmentEntity>(table, odata`RowKey eq ${keys.enrollment('', employeeId).rowKey}`);
      return rows.map(toEnrollment);
    },
    async getEnrollment(sessionId, employeeId) {
      const entity = await getEntityOrUndefined<EnrollmentEntity>(table, keys.enrollment(sessionId, employeeId));
      return entity && toEnrollment(entity);
    },
    async enroll(sessionId, employeeId, decide) {
      return withSessionTransaction(sessionId, async (session) => {
        const existingEntity = await getEntityOrUndefined<EnrollmentEntity>(table, keys.enrollment(sessionId, employeeId));
        const status = decide(session, existingEntity && toEnrollment(existingEntity));
        const enrollment: Enrollment = { sessionId, employeeId, status, at: new Date().toISOString() };
        const write: TransactionAction = existingEntity
          ? ['update', enrollmentEntity(enrollment), 'Replace', { etag: existingEntity.etag }]
          : ['create', enrollmentEntity(enrollment)];
        // The session row is rewritten even for the waitlist, so its ETag orders every decision on this session.
        const actions = [sessionUpdate(session, session.enrolledCount + (status === 'enrolled' ? 1 : 0)), write];
        return { actions, result: enrollment };
      });
    },
    async cancel(sessionId, employeeId) {
      return withSessionTransaction(sessionId, async (session) => {
        const all = await enrollmentsOf(sessionId);
        const mine = all.find((enrollment) => enrollment.employeeId === employeeId && enrollment.status !== 'cancelled');
        if (!mine) {
          throw notEnrolled(employeeId, sessionId);
        }
        const at = new Date().toISOString();
        const cancelled: Enrollment = { ...mine, status: 'cancelled', at };
        const waiting = mine.status === 'enrolled' ? nextFromWaitlist(all) : undefined;
        const promoted: Enrollment | undefined = waiting && { ...waiting, status: 'enrolled' };
        const seats = session.enrolledCount - (mine.status === 'enrolled' ? 1 : 0) + (promoted ? 1 : 0);
        const actions: TransactionAction[] = [sessionUpdate(session, seats), ['upsert', enrollmentEntity(cancelled), 'Replace']];
        if (promoted) actions.push(['upsert', enrollmentEntity(promoted), 'Replace']);
        return { actions, result: { cancelled, promoted } };
      });
    },
    async markCancelled(sessionId) {
      return withSessionTransaction(sessionId, async (session) => {
        const { etag, ...plain } = session;
        const actions: TransactionAction[] = [['update', { ...keys.trainingSession(sessionId), cancelled: true }, 'Merge', { etag }]];
        return { actions, result: { ...plain, cancelled: true } };
      });
    },
    async recordAttendance(sessionId, attendance) {
      await withSessionTransaction(sessionId, async (session) => {
        const byEmployee = new Map((await enrollmentsOf(sessionId)).map((enrollment) => [enrollment.employeeId, enrollment]));
        const marks = [...attendance.attended.map((id) => [id, true] as const), ...attendance.notAttended.map((id) => [id, false] as const)];
        const actions: TransactionAction[] = [sessionUpdate(session, session.enrolledCount)];
        for (const [employeeId, attended] of marks) {
          const enrollment = byEmployee.get(employeeId);
          if (enrollment) actions.push(['upsert', enrollmentEntity({ ...enrollment, attended }), 'Replace']);
        }
        // A Table transaction holds at most 100 operations: the session row plus 99 attendees.
        if (actions.length > 100) {
          throw attendanceTooLarge();
        }
        return { actions, result: undefined };
      });
    },
  };
}
