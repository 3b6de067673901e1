import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { jstClock, nextWorkingInstant } from '../../../bot/src/delivery/domain/working-hours.js';
import { tabApi } from '../../support/tab-api.js';
import { TEST_TENANT_ID, startTestApp } from '../../support/test-app.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../../support/throttling-connector.js';
import { personalChatReference } from '../../support/activities.js';

const ADMIN = '00000000-0000-4000-8000-a00000000001';
const STAFF = '00000000-0000-4000-8000-a00000000002';

let app: RunningApp;
let connector: ThrottlingConnector;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp({ DELIVERY_WORKING_HOURS: 'on' }), startThrottlingConnector()]);
  api = tabApi(app);
  await app.repositories.departments.save({ id: 'digital-promotion', name: '企画経営部 デジタル推進課' });
  for (const [id, roles] of [
    [ADMIN, ['employee', 'admin']],
    [STAFF, ['employee']],
  ] as const) {
    await app.repositories.employees.save({ id, displayName: id === ADMIN ? '品川 デジタ' : '大井 一郎', email: undefined, departmentId: 'digital-promotion', jobLevel: 'general', roles: [...roles], locale: 'ja-JP', tenantId: TEST_TENANT_ID, installedAt: undefined });
    await app.repositories.conversationReferences.save(personalChatReference(id, connector.serviceUrl));
  }
});
afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

describe('working hours for proactive sends (admin setting)', () => {
  it('when nothing was set, then the hours are weekdays 08:30–17:15', async () => {
    expect((await api('GET', '/api/tab/admin/delivery/working-hours', ADMIN)).body).toEqual({ enabled: true, start: '08:30', end: '17:15' });
  });

  it('when an admin enters hours that are not HH:MM or a start after the end, or a non-admin tries, then it is refused and the hours stay', async () => {
    const bad = await api('PUT', '/api/tab/admin/delivery/working-hours', ADMIN, { start: '8:30', end: '17:15' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('HH:MM');
    const reversed = await api('PUT', '/api/tab/admin/delivery/working-hours', ADMIN, { start: '18:00', end: '09:00' }, { 'Accept-Language': 'en-US' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('The start must be earlier than the end.');
    expect((await api('PUT', '/api/tab/admin/delivery/working-hours', ADMIN, { start: 830 })).status).toBe(400);
    expect((await api('PUT', '/api/tab/admin/delivery/working-hours', STAFF, { start: '09:00', end: '18:00' })).status).toBe(403);
    expect((await api('GET', '/api/tab/admin/delivery/working-hours', STAFF)).status).toBe(403);
    expect((await api('GET', '/api/tab/admin/delivery/working-hours', ADMIN)).body).toMatchObject({ start: '08:30', end: '17:15' });
  });

  it('when news is sent now outside the hours, then nothing goes out and the delivery report says from when it will', async () => {
    // A window that excludes the present moment whatever the time of day the test runs.
    const { time } = jstClock(new Date());
    const hours = time < '12:00' ? { start: '13:00', end: '14:00' } : { start: '06:00', end: '07:00' };
    expect((await api('PUT', '/api/tab/admin/delivery/working-hours', ADMIN, hours)).body).toEqual({ enabled: true, ...hours });
    const expected = nextWorkingInstant(new Date(), hours);

    const sent = await api('POST', '/api/tab/admin/news/after-hours/send', ADMIN, {
      item: { title: '勤務時間外のお知らせ', summary: '', body: '本文', category: 'notices', audience: { kind: 'everyone' } },
    });
    expect(sent.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(connector.counts.requests).toBe(0);

    const report = await api('GET', '/api/tab/admin/broadcasts/news-after-hours', ADMIN);
    const clock = jstClock(expected);
    const [, month, day] = clock.date.split('-').map(Number);
    expect(report.body.broadcast.notBefore).toBe(expected.toISOString());
    expect(report.body.broadcast.waitingNotice).toBe(`勤務時間外のため ${month}月${day}日 ${clock.time} から配信します。`);
    expect(report.body.counts).toMatchObject({ queued: 2, sent: 0 });
    const english = await api('GET', '/api/tab/admin/broadcasts', ADMIN, undefined, { 'Accept-Language': 'en-US' });
    expect(english.body.broadcasts[0].waitingNotice).toBe(`Outside working hours: sending starts on ${clock.date} at ${clock.time} (JST).`);
  });
});
