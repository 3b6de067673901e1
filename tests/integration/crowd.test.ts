import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { jstMonthOf } from '../../bot/src/features/consultation/domain/desk-metrics.js';
import { openTicket, parseConsultationInput } from '../../bot/src/features/consultation/domain/tickets.js';
import { fiscalYearOf } from '../../bot/src/kernel/domain/jst.js';
import { decideEnrollment } from '../../bot/src/features/training/domain/training-sessions.js';
import { createTrainingSessionRepository } from '../../bot/src/features/training/storage/training-session-repository.js';
import { SHARED_READ_TTL_MS } from '../../bot/src/kernel/storage/read-cache.js';
import { createTableStorage, listAll } from '../../bot/src/kernel/storage/table-storage.js';
import { createLogger } from '../../bot/src/logger.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../support/storage.js';
import { TEST_TENANT_ID } from '../support/tenant.js';

/**
 * Crowd-ready chat (issue 15): what many turns write at once lands in no single row, and what many turns read is
 * cached briefly in each instance. Two app instances share one Azurite and one set of tables, as two App Service
 * instances share the storage account.
 */
let first: RunningApp;
let second: RunningApp;
const tablePrefix = uniqueTablePrefix();

beforeAll(async () => {
  // Two instances of the bot: each its own delivery instance id, as each App Service instance has its own.
  const start = (instance: string) =>
    startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID, DELIVERY_INSTANCE_ID: instance }), {
      storage: { connectionString: azuriteConnectionString() },
      log: createLogger({ silent: true }),
      tablePrefix,
    });
  [first, second] = await Promise.all([start('crowd-instance-1'), start('crowd-instance-2')]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

/** Polls until `read` returns what `expected` accepts, and says how long that took. */
async function convergence<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<number> {
  const started = Date.now();
  while (!expected(await read())) {
    if (Date.now() - started > SHARED_READ_TTL_MS + 5_000) throw new Error('never converged');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

describe('crowd-ready chat on two instances', () => {
  it('when 200 FAQ answers and 100 「解決しました」 are counted at once on two instances, then the statistics hold every one, spread over several rows', async () => {
    const desks = [first.repositories.consultationDesk, second.repositories.consultationDesk];
    await Promise.all(Array.from({ length: 200 }, (_, index) => desks[index % 2]!.recordFaqShown()));
    await Promise.all(Array.from({ length: 100 }, (_, index) => desks[index % 2]!.recordFaqResolved(['consult-scope'])));
    // Each instance's reader waits for its own writes; the other's are stored by the time it answers.
    await desks[1]!.faqStatistics();
    const statistics = await desks[0]!.faqStatistics();
    expect(statistics).toEqual({ shown: 200, resolved: 100, resolvedByEntry: { 'consult-scope': 100 } });
    const rows = await listAll<{ count: number }>(createTableStorage({ connectionString: azuriteConnectionString() }, tablePrefix).client('ConsultationDesk'), odata`PartitionKey eq ${'faq'}`);
    const shownRows = rows.filter((row) => row.rowKey?.startsWith('shown'));
    expect(shownRows.length).toBeGreaterThan(1);
    expect(shownRows.reduce((sum, row) => sum + row.count, 0)).toBe(200);
    // The per-month counters of the desk metrics are sharded the same way, in the fiscal year's own partition.
    const month = jstMonthOf(new Date());
    await desks[1]!.faqMonths(fiscalYearOf(new Date()));
    expect(await desks[0]!.faqMonths(fiscalYearOf(new Date()))).toEqual([{ month, shown: 200, resolved: 100, resolvedByEntry: { 'consult-scope': 100 } }]);
    const monthRows = await listAll<{ count: number }>(createTableStorage({ connectionString: azuriteConnectionString() }, tablePrefix).client('ConsultationDesk'), odata`PartitionKey eq ${`faq-fy${fiscalYearOf(new Date())}`}`);
    expect(monthRows.filter((row) => row.rowKey?.startsWith(`${month}!shown@`)).length).toBeGreaterThan(1);
  });

  it('when 200 staff file at once on two instances, then every ticket gets its own number, 1 to 200 with no gap', async () => {
    const instances = [first.repositories.consultations, second.repositories.consultations];
    const at = new Date('2026-05-01T00:00:00Z');
    const input = parseConsultationInput({ category: 'tool', title: 'kintoneの相談', details: '申請受付をアプリにしたい', preferredContact: 'chat', urgency: 'medium' });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        instances[index % 2]!.create({
          year: 2031,
          requesterId: `emp-${index}`,
          submissionId: `crowd-form-${index}`,
          build: (ticketNumber) => openTicket(input, { id: `emp-${index}`, name: `職員 ${index}` }, ticketNumber, at),
        }),
      ),
    );
    const numbers = results.map(({ ticket }) => ticket.number).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => `DX-2031-${String(index + 1).padStart(4, '0')}`));
    expect(results.every(({ created }) => created)).toBe(true);
  });

  it('when 200 staff sign up at once on two instances for 150 seats, then exactly 150 are seated and 50 wait, and both instances show 0 seats left', async () => {
    const sessionId = 'crowd-session';
    const startsAt = inAWeek();
    await first.repositories.trainingSessions.create({
      id: sessionId,
      courseId: 'it-literacy',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      place: '本庁舎',
      onlineUrl: undefined,
      capacity: 150,
      cancelled: false,
      enrolledCount: 0,
    });
    const instances = [first.repositories.trainingSessions, second.repositories.trainingSessions];
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) => instances[index % 2]!.enroll(sessionId, `emp-${index}`, (session, existing) => decideEnrollment(session, existing, new Date()))),
    );
    expect(outcomes.filter((enrollment) => enrollment.status === 'enrolled')).toHaveLength(150);
    expect(outcomes.filter((enrollment) => enrollment.status === 'waitlisted')).toHaveLength(50);
    expect((await first.repositories.trainingSessions.get(sessionId))?.enrolledCount).toBe(150);
    for (const instance of instances) {
      await convergence(
        async () => (await instance.listUpcoming(new Date())).find((session) => session.id === sessionId)?.enrolledCount,
        (count) => count === 150,
      );
    }
  });

  it('when 200 staff open 研修を探す at once, then the enrolments of each open session are read once, not once per person; a sign-up shows at once on its instance and within the TTL on the other', async () => {
    // The first instance's training sessions, over a table client that counts the reads reaching Azurite.
    const storage = createTableStorage({ connectionString: azuriteConnectionString() }, tablePrefix);
    let reads = 0;
    const counted = (client: ReturnType<typeof storage.client>) =>
      new Proxy(client, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== 'function') return value;
          if (property === 'getEntity' || property === 'listEntities') reads++;
          return (value as (...args: unknown[]) => unknown).bind(target);
        },
      });
    const sessions = createTrainingSessionRepository({ ...storage, client: (name) => counted(storage.client(name)) });
    const startsAt = inAWeek();
    const ids = ['finder-a', 'finder-b', 'finder-c'];
    for (const id of ids) {
      await sessions.create({ id, courseId: 'it-literacy', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), place: '本庁舎', onlineUrl: undefined, capacity: 30, cancelled: false, enrolledCount: 0 });
    }
    const enroll = (repository: typeof sessions, sessionId: string, employeeId: string) => repository.enroll(sessionId, employeeId, (session, existing) => decideEnrollment(session, existing, new Date()));
    await enroll(sessions, 'finder-b', 'finder-emp-7');

    reads = 0;
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, index) => sessions.enrollmentsIn(ids, `finder-emp-${index}`)));
    expect(reads).toBeLessThanOrEqual(ids.length);
    expect(statuses[7]!.map((enrollment) => enrollment?.status)).toEqual([undefined, 'enrolled', undefined]);
    expect(statuses.filter((row) => row.some(Boolean))).toHaveLength(1);

    // A sign-up through this instance is on its next finder at once; one through the other instance within the TTL.
    await enroll(sessions, 'finder-c', 'finder-emp-8');
    expect((await sessions.enrollmentsIn(ids, 'finder-emp-8'))[2]?.status).toBe('enrolled');
    await enroll(second.repositories.trainingSessions, 'finder-a', 'finder-emp-9');
    const wait = await convergence(() => sessions.enrollmentsIn(ids, 'finder-emp-9'), (mine) => mine[0]?.status === 'enrolled');
    expect(wait).toBeLessThanOrEqual(SHARED_READ_TTL_MS + 2_000);
  });

  it('when an admin edits on one instance, then that instance shows it at once and the other within the TTL', async () => {
    // Warm both caches with the old values first, so the second instance really has something stale to drop.
    await first.repositories.departments.save({ id: 'crowd-dept', name: '旧 情報政策課' });
    await Promise.all([first, second].map((app) => app.repositories.departments.get('crowd-dept')));
    await Promise.all([first, second].map((app) => app.repositories.trainingSessions.listUpcoming(new Date())));
    await Promise.all([first, second].map((app) => app.repositories.consultationDesk.getDesk()));

    await first.repositories.departments.save({ id: 'crowd-dept', name: 'デジタル推進課' });
    const startsAt = inAWeek();
    await first.repositories.trainingSessions.create({
      id: 'crowd-new-session',
      courseId: 'security',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      place: undefined,
      onlineUrl: 'https://teams.example/meet',
      capacity: 30,
      cancelled: false,
      enrolledCount: 0,
    });
    await first.repositories.consultationDesk.saveDesk({ conversationId: '19:crowd-desk@thread.tacv2', reference: { conversation: { id: '19:crowd-desk@thread.tacv2' } }, setBy: 'admin', setAt: new Date().toISOString() });

    expect((await first.repositories.departments.get('crowd-dept'))?.name).toBe('デジタル推進課');
    expect((await first.repositories.trainingSessions.listUpcoming(new Date())).map((session) => session.id)).toContain('crowd-new-session');
    expect((await first.repositories.consultationDesk.getDesk())?.conversationId).toBe('19:crowd-desk@thread.tacv2');

    const waits = await Promise.all([
      convergence(() => second.repositories.departments.get('crowd-dept'), (department) => department?.name === 'デジタル推進課'),
      convergence(() => second.repositories.trainingSessions.listUpcoming(new Date()), (sessions) => sessions.some((session) => session.id === 'crowd-new-session')),
      convergence(() => second.repositories.consultationDesk.getDesk(), (desk) => desk?.conversationId === '19:crowd-desk@thread.tacv2'),
    ]);
    // The TTL, plus one storage read and one poll on a busy machine.
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(SHARED_READ_TTL_MS + 2_000);
  });
});
