import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { TRAINING_VERBS } from '../../../bot/src/features/training/cards/session-finder-card.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { textMessage, type TestUser } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { storageReadsDuring } from '../../support/network-observers.js';
import { registerStaff } from '../../support/staff.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp } from '../../support/test-app.js';

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const user = (n: number): TestUser => ({ aadObjectId: `00000000-0000-4000-8000-1000000000${String(n).padStart(2, '0')}`, name: `研修 太郎${n}` });

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  const session = (id: string, courseId: string, days: number, capacity: number) =>
    app.repositories.trainingSessions.create({ id, courseId, startsAt: inDays(days), endsAt: inDays(days + 0.1), place: '本庁舎 4階', onlineUrl: undefined, capacity, cancelled: false, enrolledCount: 0 });
  await Promise.all([session('s-data', 'data-utilization', 5, 1), session('s-security', 'security', 9, 30), session('s-logic', 'logic-model', 3, 10)]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

const text = (value: unknown) => JSON.stringify(value);

describe('研修を探す in chat', () => {
  it('when an employee asks 研修を探す, then open sessions for their gaps come with reasons and 申し込む buttons', async () => {
    await registerStaff(app, user(1));
    const [reply] = await chat.converse(textMessage(user(1), connector.serviceUrl, '研修を探す'));
    const card = cardOf(reply!);
    const parsed = parseAdaptiveCard(card);
    expect(parsed.problems).toEqual([]);
    expect(parsed.bytes).toBeLessThan(28 * 1024);
    expect(text(card)).toContain('データ利活用研修');
    expect(text(card)).toContain('データ活用 LV1: データの収集方法を理解している');
    expect(text(card)).toContain('セキュリティ研修');
    // ロジックモデル研修 teaches no LV1 gap of a newcomer: it is not suggested.
    expect(text(card)).not.toContain('ロジックモデル');
    expect(text(card)).toContain(`"verb":"${TRAINING_VERBS.enroll}","data":{"sessionId":"s-data"}`);
  });

  it('when 申し込む is pressed, then the card comes back in place saying so, and the seat is taken', async () => {
    const answer = await chat.execute(user(2), TRAINING_VERBS.enroll, { sessionId: 's-data' });
    expect(answer).toMatchObject({ httpStatus: 200, statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(parseAdaptiveCard(answer.value).problems).toEqual([]);
    expect(text(answer.value)).toContain('「データ利活用研修」に申し込みました。');
    expect(text(answer.value)).not.toContain('"sessionId":"s-data"');
    expect((await app.repositories.trainingSessions.get('s-data'))?.enrolledCount).toBe(1);
  });

  it('when a stale card is pressed again or the session is full, then the refreshed card says why and nothing doubles', async () => {
    const again = await chat.execute(user(2), TRAINING_VERBS.enroll, { sessionId: 's-data' });
    expect(text(again.value)).toContain('すでに申し込み済みです。');
    const waitlisted = await chat.execute(user(3), TRAINING_VERBS.enroll, { sessionId: 's-data' });
    expect(text(waitlisted.value)).toContain('満席のため、キャンセル待ちで受け付けました');
    expect((await app.repositories.trainingSessions.get('s-data'))?.enrolledCount).toBe(1);
    expect((await app.repositories.trainingSessions.enrollments('s-data')).map((enrollment) => enrollment.status).sort()).toEqual(['enrolled', 'waitlisted']);
  });

  it('when the card data is forged, then the invoke answers 400 with a message and nothing is written', async () => {
    const forged = await chat.execute(user(4), TRAINING_VERBS.enroll, { sessionId: '' });
    expect(forged).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(forged.value.message).toBe('カードの内容を読み取れませんでした。もう一度お試しください。');
    const unknown = await chat.execute(user(4), TRAINING_VERBS.enroll, { sessionId: 'no-such-session' });
    expect(text(unknown.value)).toContain('研修の回が見つかりません。');
    expect(await app.repositories.trainingSessions.getEnrollment('s-security', user(4).aadObjectId)).toBeUndefined();
  });
});

const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const DATA_LV1_GAP = 'データ活用 LV1: データの収集方法を理解している';

/**
 * The storage reads the app makes meanwhile of one person's rows, by table; a scheduled job reading other rows at
 * the same moment is not counted.
 */
async function readsDuring(work: () => Promise<unknown>) {
  const paths = await storageReadsDuring(work);
  return (table: string, person: TestUser) => paths.filter((path) => path.includes(`${table}(PartitionKey='${person.aadObjectId}'`)).length;
}
const findTraining = async (person: TestUser) => text(cardOf((await chat.converse(textMessage(person, connector.serviceUrl, '研修を探す')))[0]!));

describe('研修を探す recommends from the copy of the ticks and goals on the employee record (one storage read per turn)', () => {
  it('when an employee saves their ticks in マイスキル, then 研修を探す follows at once, reading their employee record and not the assessment', async () => {
    await registerStaff(app, user(5));
    expect(await findTraining(user(5))).toContain(DATA_LV1_GAP);
    expect((await tabApi(app)('PUT', '/api/tab/skills', user(5).aadObjectId, { ticked: DATA_LV1 })).status).toBe(200);
    let card = '';
    const reads = await readsDuring(async () => (card = await findTraining(user(5))));
    expect(card).not.toContain(DATA_LV1_GAP);
    expect(card).toContain('セキュリティ研修');
    expect(reads('SkillAssessments', user(5))).toBe(0);
    expect(reads('Employees', user(5))).toBe(1);
  });

  it('when a record from before the copy has an assessment, then the first 研修を探す reads it and keeps the copy, and the next reads only the record', async () => {
    await registerStaff(app, user(6));
    await app.repositories.skillAssessments.update(user(6).aadObjectId, (current) => ({ ...current, ticked: DATA_LV1, updatedAt: new Date().toISOString() }));
    let card = '';
    const first = await readsDuring(async () => (card = await findTraining(user(6))));
    expect(card).not.toContain(DATA_LV1_GAP);
    expect(first('SkillAssessments', user(6))).toBe(1);
    expect((await app.repositories.employees.get(user(6).aadObjectId))?.skillSummary).toEqual({ ticked: [...DATA_LV1].sort(), goals: {} });
    const next = await readsDuring(async () => (card = await findTraining(user(6))));
    expect(card).not.toContain(DATA_LV1_GAP);
    expect(next('SkillAssessments', user(6))).toBe(0);
  });

  it('when the copy is written, then only it changes on the record, and a person with no record gets none', async () => {
    await registerStaff(app, user(7), { departmentId: 'dept-7' });
    const before = await app.repositories.employees.get(user(7).aadObjectId);
    expect(await app.repositories.employees.setSkillSummary(user(7).aadObjectId, { ticked: DATA_LV1, goals: { security: 2 } })).toBe(true);
    expect(await app.repositories.employees.get(user(7).aadObjectId)).toEqual({ ...before, skillSummary: { ticked: DATA_LV1, goals: { security: 2 } } });
    expect(await app.repositories.employees.setSkillSummary(user(8).aadObjectId, { ticked: [], goals: {} })).toBe(false);
    expect(await app.repositories.employees.get(user(8).aadObjectId)).toBeUndefined();
  });

  it('when the copy lags the assessment (the app stopped between the two writes), then opening マイスキル in the tab brings it back in line', async () => {
    const person = user(5).aadObjectId;
    await app.repositories.employees.update(person, (current) => ({ ...current!, skillSummary: { ticked: [], goals: {} } }));
    const mine = await tabApi(app)('GET', '/api/tab/skills', person);
    expect(mine.status).toBe(200);
    expect((await app.repositories.employees.get(person))?.skillSummary).toEqual({ ticked: [...DATA_LV1].sort(), goals: {} });
    expect(await findTraining(user(5))).not.toContain(DATA_LV1_GAP);
  });
});
