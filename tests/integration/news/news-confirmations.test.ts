import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { NEWS_VERBS } from '../../../bot/src/features/news/cards/news-card.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { textMessage, type TestUser, personalChatReference, personalConversationId as conversationOf } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { tabApi } from '../../support/tab-api.js';
import { TEST_TENANT_ID, startTestApp } from '../../support/test-app.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../../support/throttling-connector.js';
import { waitUntil } from '../../support/wait.js';

const employeeId = (index: number) => `00000000-0000-4000-8000-9${String(index).padStart(11, '0')}`;
const PEOPLE = 14;
const ADMIN = 0;
const PROMOTER = 7;
const LEAVER = 13;
const ENGLISH = 9;
// 0–5 デジタル推進課, 6–13 環境課 (13 has left: out of every count).
const departmentOf = (index: number) => (index < 6 ? 'digital-promotion' : 'environment');
const userOf = (index: number): TestUser => ({ aadObjectId: employeeId(index), name: `職員 ${index}`, locale: index === ENGLISH ? 'en-US' : 'ja-JP' });
const everyone = Array.from({ length: PEOPLE }, (_, index) => index);

let app: RunningApp;
let connector: ThrottlingConnector;
let api: ReturnType<typeof tabApi>;
let chat: ReturnType<typeof botConversation>;

const completed = (broadcastId: string) => waitUntil(async () => (await app.delivery.report(broadcastId))?.broadcast.state === 'completed', `${broadcastId} to complete`);
const cardsWith = (index: number, marker: string) =>
  connector.recorder.list({ conversationId: conversationOf(employeeId(index)) }).filter((entry) => JSON.stringify(entry.activity).includes(marker));

const newsInput = (fields: Record<string, unknown> = {}) => ({
  title: '情報セキュリティ規程を改正しました',
  summary: '全職員が読んで確認してください。',
  body: 'USBメモリの持ち出しは禁止です。',
  category: 'notices',
  audience: { kind: 'everyone' },
  confirmation: { followUpDays: 2 },
  ...fields,
});

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp({ DELIVERY_MESSAGES_PER_SECOND: '200' }), startThrottlingConnector()]);
  api = tabApi(app);
  chat = botConversation(app, connector);
  await app.repositories.departments.save({ id: 'digital-promotion', name: '企画経営部 デジタル推進課' });
  await app.repositories.departments.save({ id: 'environment', name: '都市環境部 環境課' });
  const employees: Employee[] = everyone.map((index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: departmentOf(index),
    jobLevel: 'general',
    roles: index === ADMIN ? ['employee', 'admin'] : index === PROMOTER ? ['employee', 'promoter'] : ['employee'],
    locale: index === ENGLISH ? 'en-US' : 'ja-JP',
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
    directoryStatus: index === LEAVER ? 'left' : 'active',
  }));
  await Promise.all(employees.map((employee) => app.repositories.employees.save(employee)));
  const at = new Date().toISOString();
  await Promise.all(
    everyone.map((index) =>
      app.repositories.conversationReferences.save(personalChatReference(employeeId(index), connector.serviceUrl, at)),
    ),
  );
});
afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

describe('news that asks for 確認しました', () => {
  it('when the admin asks for a follow-up outside 1–30 whole days, or puts a confirmation item in the digest, then it is refused with the reason and nothing is stored', async () => {
    for (const followUpDays of [0, 31, 1.5]) {
      const answer = await api('POST', '/api/tab/admin/news/c-bad/send', employeeId(ADMIN), { item: newsInput({ confirmation: { followUpDays } }) });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain('1〜30日後');
    }
    const scheduled = await api('PUT', '/api/tab/admin/news/c-bad', employeeId(ADMIN), { item: newsInput(), state: 'scheduled' });
    expect(scheduled.status).toBe(400);
    expect(scheduled.body.error.message).toContain('週次ダイジェストに入れられません');
    const english = await api('PUT', '/api/tab/admin/news/c-bad', employeeId(ADMIN), { item: newsInput({ confirmation: { followUpDays: 0 } }), state: 'draft' }, { 'Accept-Language': 'en-US' });
    expect(english.body.error.message).toContain('1–30 days');
    expect((await api('GET', '/api/tab/admin/news', employeeId(ADMIN))).body.items).toEqual([]);
  });

  it('when the admin sends it, then everyone current gets a card with 確認しました, even someone who turned お知らせ off; the leaver gets nothing', async () => {
    await api('PUT', '/api/tab/notifications', employeeId(3), { categories: ['training'] });
    const sent = await api('POST', '/api/tab/admin/news/c-1/send', employeeId(ADMIN), { item: newsInput() });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ recipients: PEOPLE - 1, item: { confirmation: { followUpDays: 2 } } });
    await completed('news-c-1');
    for (const index of everyone.filter((index) => index !== LEAVER)) expect(cardsWith(index, '情報セキュリティ規程'), `employee ${index}`).toHaveLength(1);
    expect(cardsWith(LEAVER, '情報セキュリティ規程')).toHaveLength(0);
    const card = cardOf(cardsWith(3, '情報セキュリティ規程')[0]!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.Execute', title: '確認しました', verb: NEWS_VERBS.confirm, data: { newsId: 'c-1' } }));
    expect(JSON.stringify(cardOf(cardsWith(ENGLISH, '情報セキュリティ規程')[0]!))).toContain('I have read this');
  });

  it('when the employee who turned お知らせ off opens 通知設定, then it says such news still comes and why it cannot be turned off', async () => {
    const [reply] = await chat.converse(textMessage(userOf(3), connector.serviceUrl, '通知設定'));
    const text = JSON.stringify(cardOf(reply!));
    expect(text).toContain('「確認しました」を求めるお知らせは、分類を止めていても届きます（デジタル推進課が全員に確認を求める重要なお知らせのため、止められません）');
  });

  it('when an employee presses 確認しました (twice), then the card becomes 確認済み with the date in place and one record is kept', async () => {
    const first = await chat.execute(userOf(2), NEWS_VERBS.confirm, { newsId: 'c-1' });
    expect(first.statusCode).toBe(200);
    const card = first.value as { body: { text?: string }[]; actions?: { title: string }[] };
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const texts = card.body.map((element) => element.text ?? '').join('\n');
    expect(texts).toContain('確認を記録しました');
    const today = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'short', day: 'numeric' }).format(new Date());
    expect(texts).toMatch(new RegExp(`確認済み（.*${today}`));
    expect((card.actions ?? []).map((action) => action.title)).not.toContain('確認しました');
    const recorded = await app.repositories.newsConfirmations.get('c-1', employeeId(2));
    expect(recorded).toBeDefined();

    const again = await chat.execute(userOf(2), NEWS_VERBS.confirm, { newsId: 'c-1' });
    const againTexts = (again.value as { body: { text?: string }[] }).body.map((element) => element.text ?? '').join('\n');
    expect(againTexts).not.toContain('確認を記録しました');
    expect(againTexts).toContain('確認済み');
    expect(await app.repositories.newsConfirmations.list('c-1')).toEqual([recorded]);

    const english = await chat.execute(userOf(ENGLISH), NEWS_VERBS.confirm, { newsId: 'c-1' });
    const englishTexts = JSON.stringify(english.value);
    expect(englishTexts).toContain('Confirmed (');
    // The admin wrote the item in Japanese; the card's own words are English.
    expect(englishTexts).not.toContain('確認済み');
    expect(englishTexts).not.toContain('確認を記録');
  });

  it('when someone confirms an item that asks for none, an unknown item, or sends bad data, then each is refused with a clear message and nothing is written', async () => {
    const plain = await api('POST', '/api/tab/admin/news/plain-1/send', employeeId(ADMIN), { item: newsInput({ title: '普通のお知らせ', confirmation: null }) });
    expect(plain.body.item.confirmation).toBeUndefined();
    await completed('news-plain-1');
    expect(JSON.stringify(cardOf(cardsWith(4, '普通のお知らせ')[0]!))).not.toContain('確認しました');

    const none = await chat.execute(userOf(4), NEWS_VERBS.confirm, { newsId: 'plain-1' });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.value)).toContain('このお知らせは「確認しました」の記録を求めていません');
    const unknown = await chat.execute(userOf(4), NEWS_VERBS.confirm, { newsId: 'no-such-item' });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.stringify(unknown.value)).toContain('お知らせが見つかりません');
    const bad = await chat.execute(userOf(4), NEWS_VERBS.confirm, { newsId: '../x' });
    expect(bad.statusCode).toBe(400);
    const englishNone = await chat.execute(userOf(ENGLISH), NEWS_VERBS.confirm, { newsId: 'plain-1' });
    expect(JSON.stringify(englishNone.value)).toContain('does not ask for a confirmation');

    const overHttp = await api('POST', '/api/tab/news/plain-1/confirm', employeeId(4));
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.error.message).toContain('記録はしていません');
    expect((await api('POST', '/api/tab/news/nothing-here/confirm', employeeId(4))).status).toBe(404);
    const leaver = await api('POST', '/api/tab/news/c-1/confirm', employeeId(LEAVER));
    expect(leaver.status).toBe(403);
    expect(await app.repositories.newsConfirmations.list('plain-1')).toEqual([]);
    expect(await app.repositories.newsConfirmations.get('c-1', employeeId(LEAVER))).toBeUndefined();
    // Confirming over HTTP from the tab works too, once.
    expect((await api('POST', '/api/tab/news/c-1/confirm', employeeId(6))).body).toMatchObject({ newsId: 'c-1', created: true });
    expect((await api('POST', '/api/tab/news/c-1/confirm', employeeId(6))).body).toMatchObject({ created: false });
  });

  it('when the admin reads the report, then each department shows confirmed and not yet with names; the leaver is not counted', async () => {
    const answer = await api('GET', '/api/tab/news/confirmations', employeeId(ADMIN));
    expect(answer.status).toBe(200);
    const report = answer.body.reports.find((candidate: { newsId: string }) => candidate.newsId === 'c-1');
    expect(report).toMatchObject({ total: PEOPLE - 1, confirmed: 3, notYet: PEOPLE - 4, followUpDays: 2 });
    const digital = report.departments.find((row: { departmentId: string }) => row.departmentId === 'digital-promotion');
    const environment = report.departments.find((row: { departmentId: string }) => row.departmentId === 'environment');
    expect(digital).toMatchObject({ departmentName: '企画経営部 デジタル推進課', total: 6, confirmed: 1, notYet: 5, confirmedNames: ['職員 2'] });
    expect(environment).toMatchObject({ total: 7, confirmed: 2, notYet: 5, confirmedNames: ['職員 6', '職員 9'] });
    expect(environment.notYetNames).not.toContain('職員 13');
    expect(answer.body.reports.map((candidate: { newsId: string }) => candidate.newsId)).not.toContain('plain-1');
  });

  it('when a DX推進委員 reads the report, then they see counts for their own department and no names; anyone else is refused', async () => {
    const answer = await api('GET', '/api/tab/news/c-1/confirmations', employeeId(PROMOTER));
    expect(answer.status).toBe(200);
    const [report] = answer.body.reports;
    expect(report.departments).toEqual([{ departmentId: 'environment', departmentName: '都市環境部 環境課', total: 7, confirmed: 2, notYet: 5 }]);
    expect(answer.text).not.toContain('職員 ');
    expect(answer.text).not.toContain('Names');
    expect((await api('GET', '/api/tab/news/confirmations', employeeId(4))).status).toBe(403);
    expect((await api('GET', '/api/tab/news/no-such-item/confirmations', employeeId(ADMIN))).status).toBe(404);
  });

  it('when the follow-up job runs before N days, then nothing; after N days (run twice), then only those not yet confirmed get one reminder', async () => {
    const job = app.news.jobs.confirmationFollowUps;
    const sentAt = Date.now();
    expect(await app.news.service.sendConfirmationFollowUps(new Date(sentAt + 60 * 60_000))).toEqual({ broadcastIds: [] });
    const due = new Date(sentAt + 2 * 24 * 3600_000 + 60 * 60_000);
    expect(await app.delivery.scheduler.fire(job, due)).toBe('ran');
    expect(await app.delivery.scheduler.fire(job, new Date(due.getTime() + 3600_000))).toBe('ran');
    await completed('news-confirm-follow-up-c-1');
    const confirmed = new Set([2, 6, ENGLISH]);
    for (const index of everyone.filter((index) => index !== LEAVER)) {
      expect(cardsWith(index, '確認のお願い'), `employee ${index}`).toHaveLength(confirmed.has(index) ? 0 : 1);
    }
    const reminder = cardOf(cardsWith(4, '確認のお願い')[0]!);
    expect(parseAdaptiveCard(reminder).problems).toEqual([]);
    expect(reminder.actions).toContainEqual(expect.objectContaining({ title: '確認しました' }));
    expect((await app.delivery.report('news-confirm-follow-up-c-1'))!.counts.total).toBe(PEOPLE - 1 - confirmed.size);
  });
});
