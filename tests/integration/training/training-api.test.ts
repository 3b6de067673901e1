import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((employee) => employee.roles.includes('admin'))!;
const staff = employees.find((employee) => !employee.roles.includes('admin'))!;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
});
afterAll(async () => {
  await app?.stop();
});

const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);

const future = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe('training sessions API', () => {
  it('when an admin schedules a session, then staff see it with their own status and can sign up and cancel', async () => {
    const created = await call('POST', '/api/tab/admin/sessions', admin.id, { courseId: 'security', startsAt: future(3), endsAt: future(3, 2), place: '本庁舎', capacity: 2 });
    expect(created.status).toBe(200);
    const sessionId = created.body.id as string;
    const listed = await call('GET', '/api/tab/sessions', staff.id);
    const mine = (listed.body.sessions as { id: string; myStatus: string | null; courseTitle: string; seatsLeft: number }[]).find((session) => session.id === sessionId)!;
    expect(mine).toMatchObject({ myStatus: null, courseTitle: 'セキュリティ研修', seatsLeft: 2 });
    expect((await call('POST', `/api/tab/sessions/${sessionId}/enroll`, staff.id)).body).toMatchObject({ status: 'enrolled', employeeId: staff.id });
    expect((await call('POST', `/api/tab/sessions/${sessionId}/enroll`, staff.id)).status).toBe(400);
    expect((await call('POST', `/api/tab/sessions/${sessionId}/cancel`, staff.id)).status).toBe(200);
    const after = (await call('GET', '/api/tab/sessions', staff.id)).body.sessions as { id: string; seatsLeft: number }[];
    expect(after.find((session) => session.id === sessionId)?.seatsLeft).toBe(2);
  });

  it('when someone who is not an admin schedules a session, then it is refused with 403 and nothing is created', async () => {
    const before = ((await call('GET', '/api/tab/sessions', staff.id)).body.sessions as unknown[]).length;
    const refused = await call('POST', '/api/tab/admin/sessions', staff.id, { courseId: 'security', startsAt: future(5), endsAt: future(5, 1), capacity: 5 });
    expect(refused.status).toBe(403);
    expect(((await call('GET', '/api/tab/sessions', staff.id)).body.sessions as unknown[]).length).toBe(before);
  });

  it('when a session is scheduled in the past, for an unknown course, or with a plain-http link, then it is refused', async () => {
    expect((await call('POST', '/api/tab/admin/sessions', admin.id, { courseId: 'security', startsAt: future(-1), endsAt: future(-1, 1), capacity: 5 })).status).toBe(400);
    expect((await call('POST', '/api/tab/admin/sessions', admin.id, { courseId: 'nope', startsAt: future(2), endsAt: future(2, 1), capacity: 5 })).status).toBe(400);
    expect((await call('POST', '/api/tab/admin/sessions', admin.id, { courseId: 'security', startsAt: future(2), endsAt: future(2, 1), capacity: 5, onlineUrl: 'http://example.com' })).status).toBe(400);
  });

  it('when the demo data is seeded, then four upcoming demo sessions are open', async () => {
    const sessions = (await call('GET', '/api/tab/sessions', staff.id)).body.sessions as { id: string }[];
    expect(sessions.filter((session) => session.id.startsWith('demo-'))).toHaveLength(4);
  });
});
