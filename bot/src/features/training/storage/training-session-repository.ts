import { odata, type TransactionAction } from '@azure/data-tables';
import type { TrainingSessionRepository } from '../domain/training-ports.js';
import { attendanceTooLarge, nextFromWaitlist, notEnrolled, sessionNotFound, type Enrollment, type EnrollmentStatus, type TrainingSession } from '../domain/training-sessions.js';
import { keys } from '../../../kernel/storage/keys.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { createReadCache } from '../../../kernel/storage/read-cache.js';
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

/** 99 sign-ups and the session row fill a Table transaction (100 operations): the fewer commits in a row, the sooner the last of a crowd hears back. */
const SIGN_UPS_PER_COMMIT = 99;

type Decide = Parameters<TrainingSessionRepository['enroll']>[2];
interface PendingSignUp {
  employeeId: string;
  decide: Decide;
  resolve: (enrollment: Enrollment) => void;
  reject: (error: unknown) => void;
}

export function createTrainingSessionRepository(storage: TableStorage): TrainingSessionRepository {
  const table = storage.client('TrainingSessions');
  // Every session row, read by every 研修を探す and 申し込む answer: one read per instance per TTL. A write through
  // this instance forgets it (so the seats left are current here at once); another instance's within the TTL.
  const sessionList = createReadCache<TrainingSession[]>({ maxEntries: 1 });
  const allSessions = () =>
    sessionList.get('all', async () => (await listAll<SessionEntity>(table, odata`RowKey eq ${'session'}`)).map(toSession).sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
  const readSession = async (sessionId: string) => getEntityOrUndefined<SessionEntity>(table, keys.trainingSession(sessionId));
  // Each open session's enrolments by employee, shared by every 研修を探す of this instance (one partition read per
  // session per TTL); a transaction on the session through this instance forgets that session's list.
  const enrollmentLists = createReadCache<Map<string, Enrollment>>({ maxEntries: 500 });
  const enrollmentsByEmployee = (sessionId: string) =>
    enrollmentLists.get(sessionId, async () => new Map((await enrollmentsOf(sessionId)).map((enrollment) => [enrollment.employeeId, enrollment])));

  /** Runs one optimistic transaction on the session's partition, re-reading on a lost race. */
  async function withSessionTransaction<T>(sessionId: string, plan: (session: TrainingSession & { etag: string }) => Promise<{ actions: TransactionAction[]; result: T }>): Promise<T> {
    // 50 people pressing 申し込む at once means up to 49 lost races for the last one; retries are cheap point reads.
    return withEtagRetry(`training session ${sessionId}`, 'contended', async () => {
      const entity = await readSession(sessionId);
      if (!entity) throw sessionNotFound(sessionId);
      const { actions, result } = await plan({ ...toSession(entity), etag: entity.etag });
      if (actions.length > 0) await table.submitTransaction(actions);
      sessionList.invalidate();
      enrollmentLists.invalidate(sessionId);
      return result;
    });
  }

  /**
   * Sign-ups are a group commit per session: the session row's ETag must order every decision (capacity), so
   * instead of 200 people racing for it (each lost race a re-read), those that arrive while this instance writes
   * wait and are decided together, in arrival order, in one transaction. Another instance still races by ETag.
   */
  const signUps = new Map<string, PendingSignUp[]>();
  const committing = new Set<string>();
  async function commitSignUps(sessionId: string): Promise<void> {
    if (committing.has(sessionId)) return;
    committing.add(sessionId);
    try {
      for (let queue = signUps.get(sessionId); queue && queue.length > 0; queue = signUps.get(sessionId)) {
        const batch = queue.splice(0, SIGN_UPS_PER_COMMIT);
        if (queue.length === 0) signUps.delete(sessionId);
        try {
          const outcomes = await withSessionTransaction(sessionId, (session) => planSignUps(session, batch));
          batch.forEach((signUp, index) => {
            const outcome = outcomes[index]!;
            if ('error' in outcome) signUp.reject(outcome.error);
            else signUp.resolve(outcome.enrollment);
          });
        } catch (error) {
          for (const signUp of batch) signUp.reject(error);
        }
      }
    } finally {
      committing.delete(sessionId);
    }
  }

  async function planSignUps(session: TrainingSession & { etag: string }, batch: PendingSignUp[]) {
    // What each person holds now, with its ETag: a lone sign-up reads its own row; a batch reads the session's
    // enrolment rows in one query rather than a point read per person (50 round trips while the crowd waits).
    const stored =
      batch.length === 1
        ? [await getEntityOrUndefined<EnrollmentEntity>(table, keys.enrollment(session.id, batch[0]!.employeeId))]
        : await (async () => {
            const rows = new Map((await enrollmentRows(session.id)).map((row) => [row.employeeId, row]));
            return batch.map((signUp) => rows.get(signUp.employeeId));
          })();
    // Per employee: what they hold now (stored or decided earlier in this batch) and the write that will make it so.
    const latest = new Map<string, { enrollment: Enrollment | undefined; etag: string | undefined }>();
    batch.forEach((signUp, index) => {
      if (!latest.has(signUp.employeeId)) latest.set(signUp.employeeId, { enrollment: stored[index] && toEnrollment(stored[index]), etag: stored[index]?.etag });
    });
    const writes = new Map<string, TransactionAction>();
    let enrolledCount = session.enrolledCount;
    const outcomes: ({ enrollment: Enrollment } | { error: unknown })[] = batch.map((signUp) => {
      const held = latest.get(signUp.employeeId)!;
      let status: EnrollmentStatus;
      try {
        status = signUp.decide({ ...session, enrolledCount }, held.enrollment);
      } catch (error) {
        return { error };
      }
      if (held.enrollment?.status === 'enrolled') enrolledCount -= 1;
      if (status === 'enrolled') enrolledCount += 1;
      const enrollment: Enrollment = { sessionId: session.id, employeeId: signUp.employeeId, status, at: new Date().toISOString() };
      writes.set(signUp.employeeId, held.etag ? ['update', enrollmentEntity(enrollment), 'Replace', { etag: held.etag }] : ['create', enrollmentEntity(enrollment)]);
      latest.set(signUp.employeeId, { enrollment, etag: held.etag });
      return { enrollment };
    });
    // The session row is rewritten even for the waitlist, so its ETag orders every decision on this session.
    const actions = writes.size > 0 ? [sessionUpdate(session, enrolledCount), ...writes.values()] : [];
    return { actions, result: outcomes };
  }

  const sessionUpdate = (session: TrainingSession & { etag: string }, enrolledCount: number): TransactionAction => [
    'update',
    { ...keys.trainingSession(session.id), enrolledCount },
    'Merge',
    { etag: session.etag },
  ];

  const enrollmentRows = (sessionId: string) =>
    listAll<EnrollmentEntity>(table, odata`PartitionKey eq ${keys.trainingSession(sessionId).partitionKey} and RowKey gt ${'enrollment-'} and RowKey lt ${'enrollment.'}`);
  const enrollmentsOf = async (sessionId: string) => (await enrollmentRows(sessionId)).map(toEnrollment);

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
        sessionList.invalidate();
      } catch (error) {
        throw toConcurrencyError(error, `training session ${session.id}`);
      }
    },
    async get(sessionId) {
      const entity = await readSession(sessionId);
      return entity && toSession(entity);
    },
    async listUpcoming(now) {
      const at = now.toISOString();
      return (await allSessions()).filter((session) => session.startsAt > at);
    },
    async listAll() {
      return [...(await allSessions())];
    },
    enrollments: enrollmentsOf,
    async enrollmentsOf(employeeId) {
      const rows = await listAll<EnrollmentEntity>(table, odata`RowKey eq ${keys.enrollment('', employeeId).rowKey}`);
      return rows.map(toEnrollment);
    },
    enrollmentsIn(sessionIds, employeeId) {
      return Promise.all(sessionIds.map(async (sessionId) => (await enrollmentsByEmployee(sessionId)).get(employeeId)));
    },
    async getEnrollment(sessionId, employeeId) {
      const entity = await getEntityOrUndefined<EnrollmentEntity>(table, keys.enrollment(sessionId, employeeId));
      return entity && toEnrollment(entity);
    },
    enroll(sessionId, employeeId, decide) {
      return new Promise((resolve, reject) => {
        const queue = signUps.get(sessionId) ?? [];
        queue.push({ employeeId, decide, resolve, reject });
        signUps.set(sessionId, queue);
        void commitSignUps(sessionId);
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
