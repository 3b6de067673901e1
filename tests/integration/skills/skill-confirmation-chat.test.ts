import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { CONFIRMATION_VERBS } from '../../../bot/src/features/skills/cards/confirmation-card.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { textMessage, type TestUser } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
const people = demoEmployees(TEST_TENANT_ID);
const byName = (name: string) => people.find((person) => person.displayName === name)!;
const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);
const userOf = (person: Employee, locale = 'ja-JP'): TestUser => ({ aadObjectId: person.id, name: person.displayName, locale });
const text = (value: unknown) => JSON.stringify(value);

const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const SECURITY_LV1 = ['security.lv1.1'];
// 地域振興部 戸籍住民課: 戸越 花子 (係長級, DX推進委員), 荏原 直樹 (管理職), 大崎 健太 / 旗の台 彩 / 中延 翔 / 小山台 結衣 (一般職).
const manager = byName('荏原 直樹');
const chief = byName('戸越 花子');
const outsider = byName('長原 明美');

/** One more 一般職 of 戸籍住民課, for the race between two confirmers. */
const raced: Employee = { ...byName('大崎 健太'), id: '00000000-0000-4000-8000-0000000009a1', displayName: '中延 競', staffNumber: 'RACE-1' };

const statusOf = async (employee: Employee, skillId: string) =>
  ((await call('GET', '/api/tab/skills', employee.id)).body.confirmations as { skillId: string; status: string; decidedByName?: string }[]).find((row) => row.skillId === skillId)!;
const decisionNotices = async (employee: Employee) => (await app.delivery.list()).filter((broadcast) => broadcast.kind === 'skill-confirmation-decision' && broadcast.id.includes(employee.id));

/** The confirmer card the delivery engine brought to `confirmer`'s chat for `employee`'s claim. */
async function requestCardFor(confirmer: Employee, employee: Employee, skillId: string) {
  const key = `"employeeId":"${employee.id}","skillId":"${skillId}"`;
  const entries = await connector.recorder.waitFor((all) => all.some((entry) => text(entry.activity).includes(key)), {
    conversationId: `a:personal-${confirmer.id}`,
    timeoutMs: 15_000,
  });
  return cardOf(entries.filter((entry) => text(entry.activity).includes(key)).at(-1)!);
}
/** The submit data of the card's button with `verb` (inside the 差し戻す show-card too). */
function dataOf(card: unknown, verb: string): Record<string, unknown> {
  const match = text(card).match(new RegExp(`"verb":"${verb}","data":(\\{[^}]*\\})`));
  expect(match, `no ${verb} button on the card`).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>;
}

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  await app.repositories.employees.save(raced);
  // Confirmers have opened the bot once, so the delivery engine has their conversation to send the card to.
  for (const person of [manager, chief, outsider]) await chat.converse(textMessage(userOf(person), connector.serviceUrl, 'ヘルプ'));
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

describe('確認する / 差し戻す on the confirmer\'s chat card', () => {
  it('when a confirmer presses 確認する on the card, then the card turns into 確認済み by them, the tab says so and the employee is told; a second confirmer pressing later sees who decided and writes nothing', async () => {
    const employee = byName('大崎 健太');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: DATA_LV1 });
    const card = await requestCardFor(manager, employee, 'data-utilization');
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain('大崎 健太 さんが「データ活用」を LV1 に上げました。');
    expect(text(card)).toContain('"title":"確認する"');
    expect(text(card)).toContain('"title":"差し戻す"');

    const answer = await chat.execute(userOf(manager), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(answer).toMatchObject({ httpStatus: 200, statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(parseAdaptiveCard(answer.value).problems).toEqual([]);
    expect(text(answer.value)).toMatch(/確認済み（荏原 直樹 \d{4}-\d{2}-\d{2}）。職員に通知しました。/);
    expect(text(answer.value)).not.toContain(CONFIRMATION_VERBS.confirm);
    expect(await statusOf(employee, 'data-utilization')).toMatchObject({ status: 'confirmed', decidedByName: '荏原 直樹' });
    expect(await decisionNotices(employee)).toHaveLength(1);

    const chiefCard = await requestCardFor(chief, employee, 'data-utilization');
    const late = await chat.execute(userOf(chief), CONFIRMATION_VERBS.return, { ...dataOf(chiefCard, CONFIRMATION_VERBS.return), comment: 'もう一度' });
    expect(late.statusCode).toBe(200);
    expect(text(late.value)).toMatch(/荏原 直樹 さんがすでに確認しました（確認済み \d{4}-\d{2}-\d{2}）。/);
    expect(await statusOf(employee, 'data-utilization')).toMatchObject({ status: 'confirmed', decidedByName: '荏原 直樹' });
    expect(await decisionNotices(employee)).toHaveLength(1);
  });

  it('when two confirmers press at the same moment, then exactly one decides and the other card shows who did; the employee is told once', async () => {
    const employee = raced;
    await call('PUT', '/api/tab/skills', employee.id, { ticked: DATA_LV1 });
    const [managerCard, chiefCard] = await Promise.all([requestCardFor(manager, employee, 'data-utilization'), requestCardFor(chief, employee, 'data-utilization')]);
    const [byManager, byChief] = await Promise.all([
      chat.execute(userOf(manager), CONFIRMATION_VERBS.confirm, dataOf(managerCard, CONFIRMATION_VERBS.confirm)),
      chat.execute(userOf(chief), CONFIRMATION_VERBS.confirm, dataOf(chiefCard, CONFIRMATION_VERBS.confirm)),
    ]);
    const answers = [text(byManager.value), text(byChief.value)];
    expect(answers.filter((answer) => answer.includes('職員に通知しました。'))).toHaveLength(1);
    expect(answers.filter((answer) => /さんがすでに確認しました/.test(answer))).toHaveLength(1);
    const winner = (await statusOf(employee, 'data-utilization')).decidedByName;
    expect(answers.find((answer) => answer.includes('すでに'))).toContain(`${winner} さんがすでに確認しました`);
    expect(await decisionNotices(employee)).toHaveLength(1);
  });

  it('when 差し戻す is pressed with an empty comment, then the request card comes back saying a comment is needed and nothing is written; with a comment the card shows 差し戻し and the employee is told', async () => {
    const employee = byName('小山台 結衣');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: SECURITY_LV1 });
    const card = await requestCardFor(chief, employee, 'security');
    const data = dataOf(card, CONFIRMATION_VERBS.return);

    const empty = await chat.execute(userOf(chief), CONFIRMATION_VERBS.return, { ...data, comment: '   ' });
    expect(empty.statusCode).toBe(200);
    expect(parseAdaptiveCard(empty.value).problems).toEqual([]);
    expect(text(empty.value)).toContain('差し戻すときは、職員へのコメントを入力してください。');
    expect(text(empty.value)).toContain(CONFIRMATION_VERBS.return);
    const missing = await chat.execute(userOf(chief), CONFIRMATION_VERBS.return, data);
    expect(text(missing.value)).toContain('差し戻すときは、職員へのコメントを入力してください。');
    expect((await statusOf(employee, 'security')).status).toBe('pending');
    expect(await decisionNotices(employee)).toHaveLength(0);

    const returned = await chat.execute(userOf(chief), CONFIRMATION_VERBS.return, { ...data, comment: '研修の修了後にもう一度申告してください。' });
    expect(text(returned.value)).toMatch(/差し戻し（戸越 花子 \d{4}-\d{2}-\d{2}）。職員にコメントを送りました。/);
    expect(text(returned.value)).toContain('コメント：研修の修了後にもう一度申告してください。');
    expect(await statusOf(employee, 'security')).toMatchObject({ status: 'returned', decidedByName: '戸越 花子' });
    expect(await decisionNotices(employee)).toHaveLength(1);
  });

  it('when a confirmer presses 確認する on their own level, then the card says they cannot and the level stays pending', async () => {
    await call('PUT', '/api/tab/skills', chief.id, { ticked: SECURITY_LV1 });
    const card = await requestCardFor(manager, chief, 'security');
    const own = await chat.execute(userOf(chief), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(own.statusCode).toBe(200);
    expect(text(own.value)).toContain('自分のスキルレベルは確認できません。');
    expect((await statusOf(chief, 'security')).status).toBe('pending');
    expect(await decisionNotices(chief)).toHaveLength(0);
  });

  it('when a manager of another 課 presses 確認する with the card\'s data, then the card says only the own 課 can be confirmed, names nobody and writes nothing; a 一般職 of the 課 is told who may confirm', async () => {
    const employee = byName('旗の台 彩');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: SECURITY_LV1 });
    const card = await requestCardFor(manager, employee, 'security');
    const outside = await chat.execute(userOf(outsider), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(text(outside.value)).toContain('確認できるのは同じ課の職員のスキルレベルだけです。');
    expect(text(outside.value)).not.toContain('旗の台');
    // A 一般職 of the same 課 is no confirmer either.
    const colleague = await chat.execute(userOf(byName('中延 翔')), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(text(colleague.value)).toContain('このスキルレベルを確認できるのは、同じ課の係長級・管理職（いない場合はDX推進委員）です。');
    expect((await statusOf(employee, 'security')).status).toBe('pending');
    expect(await decisionNotices(employee)).toHaveLength(0);
  });

  it('when the employee has withdrawn the level since the card was sent, then 確認する answers that the level is no longer claimed and writes nothing', async () => {
    const employee = byName('中延 翔');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: DATA_LV1 });
    const card = await requestCardFor(manager, employee, 'data-utilization');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: DATA_LV1.slice(0, 2) });
    const withdrawn = await chat.execute(userOf(manager), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(text(withdrawn.value)).toContain('職員がこのレベルをすでに取り下げたか変更しました。最新の内容を確認してください。');
    expect(await decisionNotices(employee)).toHaveLength(0);
    expect((await call('GET', '/api/tab/skills/confirmations', manager.id)).body.items.map((item: { employeeId: string }) => item.employeeId)).not.toContain(employee.id);
  });

  it('when the card data is forged (a level outside 1–3, an unknown skill, no employee), then the invoke answers 400 with a message and nothing is written', async () => {
    const employee = byName('大崎 健太');
    for (const forged of [
      { employeeId: employee.id, skillId: 'security', level: 4 },
      { employeeId: employee.id, skillId: 'security', level: 0 },
      { employeeId: employee.id, skillId: 'no-such-skill', level: 1 },
      { skillId: 'security', level: 1 },
    ]) {
      const answer = await chat.execute(userOf(manager), CONFIRMATION_VERBS.confirm, forged);
      expect(answer).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
      expect(answer.value.message).toBe('カードの内容を読み取れませんでした。もう一度お試しください。');
    }
    expect((await statusOf(employee, 'security')).status).toBe('self-assessed');
  });

  it('when an English-speaking confirmer presses 確認する, then the outcome card is in English', async () => {
    const employee = byName('大崎 健太');
    await call('PUT', '/api/tab/skills', employee.id, { ticked: [...DATA_LV1, ...SECURITY_LV1] });
    const card = await requestCardFor(manager, employee, 'security');
    const answer = await chat.execute(userOf(manager, 'en-US'), CONFIRMATION_VERBS.confirm, dataOf(card, CONFIRMATION_VERBS.confirm));
    expect(text(answer.value)).toMatch(/Confirmed \(荏原 直樹 \d{4}-\d{2}-\d{2}\)\. The employee has been told\./);
  });
});
