import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { NOTIFICATION_VERBS, categoryInputId } from '../../../bot/src/features/news/cards/notification-settings-card.js';
import { TRAINING_REMINDER_VERBS } from '../../../bot/src/features/news/cards/training-reminder-card.js';
import type { JobLevel } from '../../../bot/src/kernel/domain/catalog/job-levels.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { textMessage, type TestUser, personalChatReference, personalConversationId as conversationOf } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { tabApi } from '../../support/tab-api.js';
import { TEST_TENANT_ID, startTestApp } from '../../support/test-app.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../../support/throttling-connector.js';
import { waitUntil } from '../../support/wait.js';

const employeeId = (index: number) => `00000000-0000-4000-8000-7${String(index).padStart(11, '0')}`;
const PEOPLE = 40;
const ADMIN = 0;
// 環境課 (8–19) holds promoters 8 and 30 is a promoter elsewhere; 36–37 never opened the bot; 38–39 removed it.
const departmentOf = (index: number) => (index < 8 ? 'digital-promotion' : index < 20 ? 'environment' : 'welfare-planning');
const jobLevelOf = (index: number): JobLevel => (index % 5 === 4 ? 'manager' : index % 5 === 3 ? 'chief' : 'general');
const PROMOTERS = new Set([8, 30]);
const WITHOUT_REFERENCE = new Set([36, 37]);
const REMOVED_APP = new Set([38, 39]);
const userOf = (index: number): TestUser => ({ aadObjectId: employeeId(index), name: `職員 ${index}` });
const everyone = Array.from({ length: PEOPLE }, (_, index) => index);

let app: RunningApp;
let connector: ThrottlingConnector;
let api: ReturnType<typeof tabApi>;
let chat: ReturnType<typeof botConversation>;

const completed = (broadcastId: string) => waitUntil(async () => (await app.delivery.report(broadcastId))?.broadcast.state === 'completed', `${broadcastId} to complete`);
/** The cards each employee received whose text contains `marker` (chat replies to other turns are ignored). */
const cardsWith = (index: number, marker: string) =>
  connector.recorder.list({ conversationId: conversationOf(employeeId(index)) }).filter((entry) => JSON.stringify(entry.activity).includes(marker));

const newsInput = (fields: Record<string, unknown> = {}) => ({
  title: '庁内ポータルに生成AIガイドラインを掲載しました',
  summary: '業務で生成AIを使うときのルールです。',
  body: '要点は次のとおりです。\n\n- **個人情報**を入力しない\n- 出力は必ず確認する\n\n[ガイドライン](https://portal.example.jp/ai)',
  link: 'https://portal.example.jp/ai',
  category: 'notices',
  audience: { kind: 'everyone' },
  ...fields,
});

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp({ DELIVERY_MESSAGES_PER_SECOND: '200' }), startThrottlingConnector({ forbidden: new Set([...REMOVED_APP].map((index) => conversationOf(employeeId(index)))) })]);
  api = tabApi(app);
  chat = botConversation(app, connector);
  await Promise.all(
    [
      ['digital-promotion', '企画経営部 デジタル推進課'],
      ['environment', '都市環境部 環境課'],
      ['welfare-planning', '福祉部 福祉計画課'],
    ].map(([id, name]) => app.repositories.departments.save({ id: id!, name: name! })),
  );
  const employees: Employee[] = everyone.map((index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: departmentOf(index),
    jobLevel: jobLevelOf(index),
    roles: index === ADMIN ? ['employee', 'admin'] : PROMOTERS.has(index) ? ['employee', 'promoter'] : ['employee'],
    locale: index === 5 ? 'en-US' : 'ja-JP',
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
  }));
  await Promise.all(employees.map((employee) => app.repositories.employees.save(employee)));
  const at = new Date().toISOString();
  await Promise.all(
    everyone
      .filter((index) => !WITHOUT_REFERENCE.has(index))
      .map((index) =>
        app.repositories.conversationReferences.save(personalChatReference(employeeId(index), connector.serviceUrl, at)),
      ),
  );
});
afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

describe('news items the admin writes', () => {
  it('when an item has an empty title, a script tag, a non-https link or image, an unknown department or an oversized body, then each is refused with its reason and nothing is stored or queued', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'タイトルを入力してください。'],
      [{ body: '詳しくは<script>alert("x")</script>で' }, '本文にHTMLタグ(<script>)は使えません'],
      [{ link: 'http://portal.example.jp/ai' }, 'リンクは https:// で始まるURLにしてください。'],
      [{ imageUrl: 'http://portal.example.jp/a.png' }, '画像URLは https:// で始まるURLにしてください。'],
      [{ audience: { kind: 'departments', departmentIds: ['environment', 'no-such-department'] } }, '配信先に存在しない所属があります: no-such-department'],
      [{ audience: { kind: 'aliens' } }, '配信先「aliens」は指定できません'],
      [{ body: 'デジタル推進課からのお知らせです。'.repeat(900) }, '本文が長すぎます'],
    ];
    for (const [change, message] of refusals) {
      for (const call of [
        () => api('POST', '/api/tab/admin/news/n-bad/send', employeeId(ADMIN), { item: newsInput(change) }),
        () => api('PUT', '/api/tab/admin/news/n-bad', employeeId(ADMIN), { item: newsInput(change), state: 'scheduled' }),
        () => api('POST', '/api/tab/admin/news/preview', employeeId(ADMIN), newsInput(change)),
      ]) {
        const answer = await call();
        expect(answer.status, message).toBe(400);
        expect(answer.body.error.message).toContain(message);
      }
    }
    const english = await api('POST', '/api/tab/admin/news/n-bad/send', employeeId(ADMIN), { item: newsInput({ title: ' ' }) }, { 'Accept-Language': 'en-US' });
    expect(english.body.error.message).toBe('Enter a title.');
    expect((await api('GET', '/api/tab/admin/news', employeeId(ADMIN))).body.items).toEqual([]);
    expect((await api('GET', '/api/tab/admin/broadcasts', employeeId(ADMIN))).body.broadcasts).toEqual([]);
    expect(connector.counts.requests).toBe(0);
  });

  it('when someone who is not an admin calls the news or broadcast API, then it is forbidden', async () => {
    expect((await api('POST', '/api/tab/admin/news/n-1/send', employeeId(1), { item: newsInput() })).status).toBe(403);
    expect((await api('GET', '/api/tab/admin/broadcasts', employeeId(1))).status).toBe(403);
  });

  it('when the admin previews, then the exact card comes back and parses without problems', async () => {
    const preview = await api('POST', '/api/tab/admin/news/preview', employeeId(ADMIN), newsInput());
    expect(preview.status).toBe(200);
    expect(parseAdaptiveCard(preview.body.cards.ja).problems).toEqual([]);
    expect(JSON.stringify(preview.body.cards.ja)).toContain('- **個人情報**を入力しない\\r- 出力は必ず確認する');
    expect(preview.body.bytes).toBeLessThan(28 * 1024);
  });
});

describe('send now', () => {
  it('when an employee turned お知らせ off and the admin sends an お知らせ now, then every other reachable employee gets exactly one card and the report names the rest', async () => {
    const quiet = 12;
    const saved = await api('PUT', '/api/tab/notifications', employeeId(quiet), { categories: ['tech-trends', 'training'] });
    expect(saved.body.categories).toEqual(['tech-trends', 'training']);

    const sent = await api('POST', '/api/tab/admin/news/n-1/send', employeeId(ADMIN), { item: newsInput() });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ broadcastId: 'news-n-1', alreadySent: false, recipients: PEOPLE - 1, item: { state: 'published', publishedVia: 'send-now' } });
    await completed('news-n-1');

    const reachable = everyone.filter((index) => index !== quiet && !WITHOUT_REFERENCE.has(index) && !REMOVED_APP.has(index));
    for (const index of reachable) expect(cardsWith(index, '生成AIガイドライン'), `employee ${index}`).toHaveLength(1);
    expect(cardsWith(quiet, '生成AIガイドライン')).toHaveLength(0);
    const english = cardsWith(5, '生成AIガイドライン')[0]!;
    expect(JSON.stringify(cardOf(english))).toContain('Read more');
    expect(parseAdaptiveCard(cardOf(english)).problems).toEqual([]);

    const report = await api('GET', '/api/tab/admin/broadcasts/news-n-1', employeeId(ADMIN));
    expect(report.body.counts).toMatchObject({ total: PEOPLE - 1, sent: reachable.length, unreachable: REMOVED_APP.size, noReference: WITHOUT_REFERENCE.size, failed: 0, queued: 0 });
    const rowOf = (index: number) => report.body.rows.find((row: { employeeId: string }) => row.employeeId === employeeId(index));
    expect(rowOf(38)).toMatchObject({ displayName: '職員 38', state: 'unreachable', reason: 'http-403' });
    expect(rowOf(36)).toMatchObject({ state: 'no-reference', reason: 'no-conversation-reference' });

    const csv = await api('GET', '/api/tab/admin/broadcasts/news-n-1/report.csv', employeeId(ADMIN));
    expect(csv.text.startsWith('\uFEFF職員ID,氏名,所属,状態,理由,試行回数,最終HTTPステータス,送信日時,更新日時\r\n')).toBe(true);
    expect(csv.text).toContain(`${employeeId(38)},職員 38,福祉部 福祉計画課,届かない(アプリ削除・ブロック),http-403,1,403`);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(PEOPLE);
    expect(decodeURIComponent(csv.headers.get('content-disposition') ?? '')).toContain('配信レポート_news-n-1.csv');
  });

  it('when 今すぐ配信 is pressed again, then nothing is sent twice and the admin is told it was already sent', async () => {
    const before = connector.counts.requests;
    const again = await api('POST', '/api/tab/admin/news/n-1/send', employeeId(ADMIN), { item: newsInput({ title: '別のタイトル' }) });
    expect(again.body).toMatchObject({ alreadySent: true, item: { title: '庁内ポータルに生成AIガイドラインを掲載しました' } });
    const edit = await api('PUT', '/api/tab/admin/news/n-1', employeeId(ADMIN), { item: newsInput(), state: 'scheduled' });
    expect(edit.body.error.message).toBe('このニュースは配信済みのため変更できません。');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.counts.requests).toBe(before);
  });
});

describe('weekly digest', () => {
  it('when the digest slot fires (twice), then it runs once and each employee gets one card with only their items; those with none get nothing', async () => {
    const save = (id: string, fields: Record<string, unknown>) => api('PUT', `/api/tab/admin/news/${id}`, employeeId(ADMIN), { item: newsInput(fields), state: 'scheduled' });
    expect((await save('d-env', { title: '環境課のRPA事例', category: 'good-practices', audience: { kind: 'departments', departmentIds: ['environment'] } })).status).toBe(200);
    expect((await save('d-promoters', { title: 'DX推進委員の集い', category: 'training', audience: { kind: 'promoters' } })).status).toBe(200);
    expect((await save('d-managers', { title: '管理職向けAI動向', category: 'tech-trends', audience: { kind: 'job-levels', jobLevels: ['manager'] } })).status).toBe(200);
    // 環境課's 10 keeps only お知らせ, and 12 (tech trends and training only) has good practices off too.
    await api('PUT', '/api/tab/notifications', employeeId(10), { categories: ['notices'] });

    const job = app.news.jobs.weeklyDigest;
    const monday = new Date('2026-11-23T00:00:00.000Z');
    const [first, second] = await Promise.all([app.delivery.scheduler.fire(job, monday), app.delivery.scheduler.fire(job, new Date(monday.getTime() + 60_000))]);
    expect([first, second].sort()).toEqual(['ran', 'taken']);
    await completed('weekly-digest-2026-W48');

    const titles = ['環境課のRPA事例', 'DX推進委員の集い', '管理職向けAI動向'];
    const expectedFor = (index: number) =>
      titles.filter((title) => {
        if (title === '環境課のRPA事例') return departmentOf(index) === 'environment' && index !== 10 && index !== 12;
        if (title === 'DX推進委員の集い') return PROMOTERS.has(index);
        return jobLevelOf(index) === 'manager';
      });
    for (const index of everyone.filter((candidate) => !WITHOUT_REFERENCE.has(candidate) && !REMOVED_APP.has(candidate))) {
      const digests = cardsWith(index, '今週のDXニュース').concat(cardsWith(index, 'This week in DX'));
      const expected = expectedFor(index);
      if (expected.length === 0) {
        expect(digests, `employee ${index} has nothing`).toHaveLength(0);
        continue;
      }
      expect(digests, `employee ${index}`).toHaveLength(1);
      const text = JSON.stringify(cardOf(digests[0]!));
      for (const title of titles) expect(text.includes(title), `${title} for ${index}`).toBe(expected.includes(title));
      expect(parseAdaptiveCard(cardOf(digests[0]!)).problems).toEqual([]);
    }
    const items = (await api('GET', '/api/tab/admin/news', employeeId(ADMIN))).body.items as { id: string; state: string; publishedVia: string }[];
    expect(items.filter((item) => item.id.startsWith('d-')).every((item) => item.state === 'published' && item.publishedVia === '2026-W48')).toBe(true);

    // Next week: nothing new was scheduled, so no broadcast at all.
    expect(await app.delivery.scheduler.fire(job, new Date('2026-11-30T00:00:00.000Z'))).toBe('ran');
    expect(await app.delivery.report('weekly-digest-2026-W49')).toBeUndefined();
  });
});

describe('training reminders', () => {
  const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  it('when sessions are a week and a day away, then only the seated get the 7-day and 1-day reminders, and キャンセル on the card frees the seat for the waitlist', async () => {
    const sessions = app.repositories.trainingSessions;
    await sessions.create({ id: 'r-week', courseId: 'security', startsAt: inHours(6 * 24 + 12), endsAt: inHours(6 * 24 + 14), place: '本庁舎 4階 研修室', onlineUrl: undefined, capacity: 2, cancelled: false, enrolledCount: 0 });
    await sessions.create({ id: 'r-day', courseId: 'data-utilization', startsAt: inHours(20), endsAt: inHours(22), place: undefined, onlineUrl: 'https://teams.example.jp/meet/r-day', capacity: 5, cancelled: false, enrolledCount: 0 });
    for (const index of [21, 22, 23]) await sessions.enroll('r-week', employeeId(index), (session) => (session.enrolledCount < session.capacity ? 'enrolled' : 'waitlisted'));
    await sessions.enroll('r-day', employeeId(24), () => 'enrolled');

    const job = app.news.jobs.trainingReminders;
    expect(await app.delivery.scheduler.fire(job, new Date())).toBe('ran');
    await completed('training-reminder-r-week-7d');
    await completed('training-reminder-r-day-1d');
    expect(cardsWith(21, 'セキュリティ研修')).toHaveLength(1);
    expect(cardsWith(22, 'セキュリティ研修')).toHaveLength(1);
    expect(cardsWith(23, 'セキュリティ研修')).toHaveLength(0);
    const dayCard = cardOf(cardsWith(24, 'データ利活用研修')[0]!);
    expect(parseAdaptiveCard(dayCard).problems).toEqual([]);
    expect(JSON.stringify(dayCard)).toContain('https://teams.example.jp/meet/r-day');
    expect(JSON.stringify(dayCard)).toContain('（1日前のお知らせ）');

    // A later run (another hour) sends nothing again.
    const before = connector.counts.requests;
    expect(await app.delivery.scheduler.fire(job, new Date(Date.now() + 3600_000))).toBe('ran');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.counts.requests).toBe(before);

    const attend = await chat.execute(userOf(22), TRAINING_REMINDER_VERBS.attend, { sessionId: 'r-week', days: 7 });
    expect(JSON.stringify(attend.value)).toContain('参加の予定を承りました');
    const cancel = await chat.execute(userOf(21), TRAINING_REMINDER_VERBS.cancel, { sessionId: 'r-week', days: 7 });
    expect(cancel.statusCode).toBe(200);
    expect(parseAdaptiveCard(cancel.value).problems).toEqual([]);
    expect(JSON.stringify(cancel.value)).toContain('キャンセルしました。席はキャンセル待ちの方に回ります。');
    expect(JSON.stringify(cancel.value)).not.toContain(TRAINING_REMINDER_VERBS.cancel);
    const statuses = Object.fromEntries((await sessions.enrollments('r-week')).map((enrollment) => [enrollment.employeeId, enrollment.status]));
    expect(statuses).toEqual({ [employeeId(21)]: 'cancelled', [employeeId(22)]: 'enrolled', [employeeId(23)]: 'enrolled' });
    expect((await sessions.get('r-week'))?.enrolledCount).toBe(2);

    const again = await chat.execute(userOf(21), TRAINING_REMINDER_VERBS.cancel, { sessionId: 'r-week', days: 7 });
    expect(again).toMatchObject({ statusCode: 404 });
    const forged = await chat.execute(userOf(22), TRAINING_REMINDER_VERBS.cancel, { sessionId: 'r-week' });
    expect(forged.statusCode).toBe(400);
  });
});

describe('通知設定 and ニュース in chat', () => {
  it('when an employee opens 通知設定 and saves only 研修案内, then the card says reminders stay on and the choice is kept', async () => {
    const [reply] = await chat.converse(textMessage(userOf(2), connector.serviceUrl, '通知設定'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).toContain('申し込んだ研修のリマインド（7日前・1日前）は、申し込んでいる間は止められません。');
    const saved = await chat.execute(userOf(2), NOTIFICATION_VERBS.save, { [categoryInputId('training')]: 'true', [categoryInputId('notices')]: 'false', [categoryInputId('tech-trends')]: 'false', [categoryInputId('good-practices')]: 'false' });
    expect(JSON.stringify(saved.value)).toContain('通知設定を保存しました。');
    expect((await api('GET', '/api/tab/notifications', employeeId(2))).body.categories).toEqual(['training']);
  });

  it('when an employee whose client says en-US chooses 日本語 in 通知設定, then the stored choice wins for every later turn until they choose "Same as Teams"', async () => {
    const english: TestUser = { ...userOf(3), locale: 'en-US' };
    const [reply] = await chat.converse(textMessage(english, connector.serviceUrl, 'Notifications'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).toContain('"label":"Language"');
    expect(JSON.stringify(card)).toContain('"id":"language"');

    const saved = await chat.execute(english, NOTIFICATION_VERBS.save, { [categoryInputId('training')]: 'true', language: 'ja' });
    expect(JSON.stringify(saved.value)).toContain('通知設定を保存しました。');
    expect(JSON.stringify(saved.value)).toContain('"value":"ja"');
    const [help] = await chat.converse(textMessage(english, connector.serviceUrl, 'help'));
    expect(JSON.stringify(cardOf(help!))).toContain('DX Navi でできること');

    const back = await chat.execute(english, NOTIFICATION_VERBS.save, { [categoryInputId('training')]: 'true', language: 'auto' });
    expect(JSON.stringify(back.value)).toContain('Your notification settings were saved.');
    const [helpAgain] = await chat.converse(textMessage(english, connector.serviceUrl, 'help'));
    expect(JSON.stringify(cardOf(helpAgain!))).toContain('What DX Navi can do');
    // A forged language is ignored, not stored.
    await chat.execute(english, NOTIFICATION_VERBS.save, { language: 'fr' });
    expect((await app.repositories.employees.get(employeeId(3)))?.preferredLocale).toBeUndefined();
  });

  it('when an employee types ニュース, then the latest items for them come in one card', async () => {
    const [reply] = await chat.converse(textMessage(userOf(11), connector.serviceUrl, 'ニュース'));
    const text = JSON.stringify(cardOf(reply!));
    expect(text).toContain('最新のニュース');
    expect(text).toContain('庁内ポータルに生成AIガイドラインを掲載しました');
    expect(text).toContain('環境課のRPA事例');
    expect(text).not.toContain('DX推進委員の集い');
  });
});
