import { describe, expect, it } from 'vitest';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import { ANNUAL_QUESTION_IDS, createSurveyRound, type NewSurveyRound, type SurveyAnswers } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { keys } from '../../../bot/src/kernel/storage/keys.js';
import { createSurveyPseudonyms } from '../../../bot/src/features/survey/storage/survey-pseudonyms.js';
import { createSurveyResponseRepository, createSurveyRoundRepository } from '../../../bot/src/features/survey/storage/survey-repository.js';
import { listAll } from '../../../bot/src/kernel/storage/table-storage.js';
import { testTableStorage } from '../../support/storage.js';

const SECRET = 'survey-secret-for-tests-0123456789abcdef';
const OTHER_SECRET = 'a-different-secret-nobody-configured-000';
const ROUND = 'fy2026-annual';
const EMPLOYEE = '7f1c2a9e-0000-4000-8000-00000000e001';

const answersAll = (value: 1 | 2 | 3 | 4 | 5): SurveyAnswers => Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, value]));
const submission = (employeeId: string, answers: SurveyAnswers) => ({
  roundId: ROUND,
  employeeId,
  answers,
  departmentId: 'digital-promotion',
  jobLevel: 'chief' as const,
  submittedOn: '2026-06-01',
});

async function setup() {
  const storage = await testTableStorage();
  const repository = createSurveyResponseRepository(storage, { secret: SECRET });
  /** What the batch job does: every waiting answer written as a sheet with the groups it was given. */
  const writeWaiting = async (roundId = ROUND) => repository.writeBatch(roundId, (await repository.pending(roundId)).map((pending) => ({ pending, groups: pending })));
  return { storage, repository, writeWaiting };
}
const responseIdsOf = async (storage: Awaited<ReturnType<typeof testTableStorage>>) => (await listAll(storage.client('SurveyResponses'))).map((row) => row.rowKey!);

describe('survey responses on Azurite: anonymity by design', () => {
  it('when an employee submits, then their own answers are found at once and the round has one anonymous sheet after the batch', async () => {
    const { repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(4)));
    expect(await repository.findOwn(ROUND, EMPLOYEE)).toMatchObject({ answers: answersAll(4), waiting: true });
    expect(await repository.listResponses(ROUND)).toEqual([]);
    expect(await writeWaiting()).toBe(1);
    expect(await repository.findOwn(ROUND, EMPLOYEE)).toMatchObject({ answers: answersAll(4), departmentId: 'digital-promotion', jobLevel: 'chief', waiting: false });
    const sheets = await repository.listResponses(ROUND);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).not.toHaveProperty('employeeId');
    expect(await repository.findOwn(ROUND, 'someone-else')).toBeUndefined();
    expect(await repository.findOwn('fy2027-annual', EMPLOYEE)).toBeUndefined();
  });

  it('when the employee submits again, before or after the batch, then the new answers replace the old and n stays 1', async () => {
    const { storage, repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(2)));
    await repository.submit(submission(EMPLOYEE, answersAll(3)));
    expect(await repository.findOwn(ROUND, EMPLOYEE)).toMatchObject({ answers: answersAll(3), waiting: true });
    expect(await repository.pending(ROUND)).toHaveLength(1);
    await writeWaiting();
    const [firstId] = await responseIdsOf(storage);
    await repository.submit(submission(EMPLOYEE, answersAll(5)));
    await writeWaiting();
    expect(await responseIdsOf(storage)).toEqual([firstId]);
    const sheets = await repository.listResponses(ROUND);
    expect(sheets.map((sheet) => sheet.answers)).toEqual([answersAll(5)]);
  });

  it('when a newer answer arrives while a batch is writing the older one, then the newer one stays waiting and replaces it in the next batch', async () => {
    const { repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(1)));
    const older = await repository.pending(ROUND);
    await repository.submit(submission(EMPLOYEE, answersAll(4)));
    await repository.writeBatch(ROUND, older.map((pending) => ({ pending, groups: pending })));
    expect((await repository.listResponses(ROUND)).map((sheet) => sheet.answers)).toEqual([answersAll(1)]);
    expect(await repository.findOwn(ROUND, EMPLOYEE)).toMatchObject({ answers: answersAll(4), waiting: true });
    await writeWaiting();
    expect((await repository.listResponses(ROUND)).map((sheet) => sheet.answers)).toEqual([answersAll(4)]);
  });

  it('when the same employee submits 20 times at once and two batches race, then exactly one answer sheet and one participation row exist', async () => {
    const { storage, repository } = await setup();
    const values = Array.from({ length: 20 }, (_, index) => ((index % 5) + 1) as 1 | 2 | 3 | 4 | 5);
    await Promise.all(values.map((value) => repository.submit(submission(EMPLOYEE, answersAll(value)))));
    const waiting = await repository.pending(ROUND);
    expect(waiting).toHaveLength(1);
    await Promise.all([1, 2].map(() => repository.writeBatch(ROUND, waiting.map((pending) => ({ pending, groups: pending })))));
    const sheets = await repository.listResponses(ROUND);
    expect(sheets).toHaveLength(1);
    // The sheet holds one of the submitted answer sets whole, never a mix of two.
    expect(values.map((value) => answersAll(value))).toContainEqual(sheets[0]!.answers);
    expect(await listAll(storage.client('SurveyParticipation'))).toHaveLength(1);
  });

  it('when the raw tables are read, then participation holds neither the employee id nor the response id, and answers hold no identity', async () => {
    const { storage, repository, writeWaiting } = await setup();
    const employees = [EMPLOYEE, 'e-second@example.jp', 'e-third'];
    for (const [index, employeeId] of employees.entries()) await repository.submit(submission(employeeId, answersAll(((index % 5) + 1) as 1 | 2 | 3 | 4 | 5)));
    const waitingText = JSON.stringify(await listAll(storage.client('SurveyPending')));
    for (const employeeId of employees) expect(waitingText).not.toContain(employeeId);
    expect(waitingText).not.toContain('digital-promotion');
    await writeWaiting();
    const responseIds = await responseIdsOf(storage);
    const participationRows = await listAll<Record<string, unknown>>(storage.client('SurveyParticipation'));
    const responseRows = await listAll<Record<string, unknown>>(storage.client('SurveyResponses'));
    expect(participationRows).toHaveLength(3);
    expect(responseRows).toHaveLength(3);
    const participationText = JSON.stringify(participationRows);
    const responseText = JSON.stringify(responseRows);
    for (const employeeId of employees) {
      expect(participationText).not.toContain(employeeId);
      expect(responseText).not.toContain(employeeId);
    }
    for (const responseId of responseIds) expect(participationText).not.toContain(responseId);
    for (const row of participationRows) {
      expect(String(row.rowKey)).toMatch(/^[0-9a-f]{64}$/);
      expect(responseText).not.toContain(String(row.rowKey));
      expect(Object.keys(row).filter((name) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(name))).toEqual(['sealedResponseId']);
    }
    for (const row of responseRows) {
      expect(Object.keys(row).filter((name) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(name)).sort()).toEqual(['answersJson', 'departmentId', 'jobLevel', 'submittedOn']);
    }
  });

  it('when the tables are read with the wrong secret, then the employee’s response cannot be found or opened', async () => {
    const { storage, repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(3)));
    await writeWaiting();
    const [responseId] = await responseIdsOf(storage);
    const intruder = createSurveyResponseRepository(storage, { secret: OTHER_SECRET });
    // The round's key check does not open with the intruder's key: it is refused before any row is looked up.
    await expect(intruder.findOwn(ROUND, EMPLOYEE)).rejects.toThrow(/survey key/);
    await expect(intruder.notAnswered(ROUND, [EMPLOYEE])).rejects.toThrow(/survey key/);
    // Even handed the right participation row, the wrong key does not open the sealed response id.
    const [row] = await listAll<{ sealedResponseId: string }>(storage.client('SurveyParticipation'));
    const right = createSurveyPseudonyms(SECRET);
    const wrong = createSurveyPseudonyms(OTHER_SECRET);
    expect(right.openResponseId(ROUND, row!.rowKey!, row!.sealedResponseId)).toBe(responseId);
    expect(wrong.openResponseId(ROUND, row!.rowKey!, row!.sealedResponseId)).toBeUndefined();
    // Nor does the right key once the value is moved to another round's row.
    expect(right.openResponseId('fy2027-annual', row!.rowKey!, row!.sealedResponseId)).toBeUndefined();
  });

  it('when the survey key is changed while a round runs, then submitting, showing own answers, choosing whom to remind and the batch refuse, rather than filing returning employees under new keys', async () => {
    const { storage, repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(3)));
    await writeWaiting();
    // Under another key the employee's participation row is not where their new key points: without the round's
    // key check, a new answer would become a second sheet and reminders would go to people who answered.
    const changed = createSurveyResponseRepository(storage, { secret: OTHER_SECRET });
    const writeWaitingChanged = async () => changed.writeBatch(ROUND, (await changed.pending(ROUND)).map((pending) => ({ pending, groups: pending })));
    await expect(changed.submit(submission(EMPLOYEE, answersAll(5)))).rejects.toThrow(/survey key/);
    await expect(changed.submit(submission('e-second', answersAll(5)))).rejects.toThrow(/survey key/);
    await expect(changed.findOwn(ROUND, EMPLOYEE)).rejects.toThrow(/survey key/);
    await expect(changed.notAnswered(ROUND, [EMPLOYEE])).rejects.toThrow(/survey key/);
    await expect(writeWaitingChanged()).rejects.toThrow(/survey key/);
    expect(await listAll(storage.client('SurveyPending'))).toHaveLength(0);
    expect((await repository.listResponses(ROUND)).map((sheet) => sheet.answers)).toEqual([answersAll(3)]);
    // The configured key still works, and a round that started under the other key refuses the configured one.
    expect(await repository.findOwn(ROUND, EMPLOYEE)).toMatchObject({ answers: answersAll(3), waiting: false });
    await changed.submit({ ...submission(EMPLOYEE, answersAll(2)), roundId: 'fy2027-annual' });
    await expect(repository.submit({ ...submission(EMPLOYEE, answersAll(2)), roundId: 'fy2027-annual' })).rejects.toThrow(/survey key/);
  });

  it('when a participation row no longer opens (edited in the table), then the batch holds that answer and writes the others: no second sheet, and nobody else waits', async () => {
    const { storage, repository, writeWaiting } = await setup();
    await repository.submit(submission(EMPLOYEE, answersAll(3)));
    await writeWaiting();
    // The row is where the employee's key points, but its sealed value was written under another key.
    const participation = storage.client('SurveyParticipation');
    const [row] = await listAll<{ sealedResponseId: string }>(participation);
    await participation.updateEntity({ partitionKey: row!.partitionKey!, rowKey: row!.rowKey!, sealedResponseId: createSurveyPseudonyms(OTHER_SECRET).sealResponseId(ROUND, row!.rowKey!, 'x') }, 'Replace');
    await repository.submit(submission(EMPLOYEE, answersAll(5)));
    await repository.submit(submission('e-second', answersAll(4)));
    expect(await writeWaiting()).toBe(1);
    const sheets = (await repository.listResponses(ROUND)).map((sheet) => sheet.answers);
    expect(sheets).toHaveLength(2);
    expect(sheets).toEqual(expect.arrayContaining([answersAll(3), answersAll(4)]));
    const held = await repository.pending(ROUND);
    expect(held.map((pending) => pending.answers)).toEqual([answersAll(5)]);
    // The next batch holds it again and writes nothing twice.
    expect(await writeWaiting()).toBe(0);
    expect(await repository.listResponses(ROUND)).toHaveLength(2);
  });

  it('when reminders are due, then only audience members who have not answered (written or still waiting) are returned', async () => {
    const { repository, writeWaiting } = await setup();
    const audience = Array.from({ length: 10 }, (_, index) => `employee-${index}`);
    for (const employeeId of audience.filter((_, index) => index % 3 === 0)) await repository.submit(submission(employeeId, answersAll(4)));
    expect(await repository.notAnswered(ROUND, audience)).toEqual(['employee-1', 'employee-2', 'employee-4', 'employee-5', 'employee-7', 'employee-8']);
    await writeWaiting();
    expect(await repository.notAnswered(ROUND, audience)).toEqual(['employee-1', 'employee-2', 'employee-4', 'employee-5', 'employee-7', 'employee-8']);
    expect(await repository.notAnswered('another-round', audience)).toEqual(audience);
  });
});

describe('survey rounds on Azurite', () => {
  const annual = (id: string): NewSurveyRound => ({
    id,
    kind: 'annual',
    fiscalYear: 2026,
    opensAt: '2026-06-01T09:00:00+09:00',
    closesAt: '2026-06-30T17:00:00+09:00',
    audience: { kind: 'everyone' },
    createdBy: 'admin',
  });
  const now = new Date('2026-05-01T00:00:00+09:00');

  it('when two admins create an annual round for the same fiscal year at once, then one is stored and the other is refused with a reason', async () => {
    const rounds = createSurveyRoundRepository(await testTableStorage());
    const attempts = await Promise.allSettled(['fy2026-a', 'fy2026-b'].map((id) => rounds.create((existing) => createSurveyRound(annual(id), existing, now))));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.find((attempt) => attempt.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect((refused?.reason as AppError).userMessage.ja).toContain('2026年度の年次アンケート');
    expect(await rounds.list()).toHaveLength(1);
  });

  it('when the annual round is cancelled, then its fiscal year is free for a new annual round', async () => {
    const rounds = createSurveyRoundRepository(await testTableStorage());
    await rounds.create((existing) => createSurveyRound(annual('fy2026-a'), existing, now));
    await rounds.update('fy2026-a', (round) => ({ ...round, status: 'cancelled' }));
    const second = await rounds.create((existing) => createSurveyRound(annual('fy2026-b'), existing, now));
    expect(second.id).toBe('fy2026-b');
    expect((await rounds.get('fy2026-a'))?.status).toBe('cancelled');
    expect((await rounds.list()).map((round) => round.id)).toEqual(['fy2026-a', 'fy2026-b']);
    expect(keys.annualSurveyClaim(2026).rowKey).toBe('annual-2026');
  });
});
