import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
const [employee, other] = demoEmployees(TEST_TENANT_ID);
const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
});
afterAll(async () => {
  await app?.stop();
});


const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);

describe('マイDXスキル API', () => {
  it('when an employee ticks every LV1 criterion of データ活用, then that skill is LV1 and drops out of the recommendations', async () => {
    const before = await call('GET', '/api/tab/skills', employee!.id);
    expect(before.body.levels['data-utilization']).toBe(0);
    expect(before.body.recommendations.map((recommendation: { skillId: string }) => recommendation.skillId)).toContain('data-utilization');
    const after = await call('PUT', '/api/tab/skills', employee!.id, { ticked: DATA_LV1 });
    expect(after.status).toBe(200);
    expect(after.body.levels['data-utilization']).toBe(1);
    expect(after.body.recommendations.map((recommendation: { skillId: string }) => recommendation.skillId)).not.toContain('data-utilization');
  });

  it('when the assessment changes, then the history records what was added and removed', async () => {
    await call('PUT', '/api/tab/skills', employee!.id, { ticked: DATA_LV1.slice(0, 2) });
    const history = await call('GET', '/api/tab/skills/history', employee!.id);
    const changes = history.body.changes as { added: string[]; removed: string[] }[];
    expect(changes[0]).toMatchObject({ added: [], removed: ['data-utilization.lv1.3'] });
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('when a level is skipped or a criterion is forged, then the request is refused and nothing changes', async () => {
    const before = await call('GET', '/api/tab/skills', employee!.id);
    const skipped = await call('PUT', '/api/tab/skills', employee!.id, { ticked: ['security.lv2.1'] });
    expect(skipped.status).toBe(400);
    expect((skipped.body.error as { message: string }).message).toContain('LV1');
    const forged = await call('PUT', '/api/tab/skills', employee!.id, { ticked: ['security.lv1.9'] });
    expect(forged.status).toBe(400);
    const garbage = await call('PUT', '/api/tab/skills', employee!.id, { ticked: 'all' });
    expect(garbage.status).toBe(400);
    expect((await call('GET', '/api/tab/skills', employee!.id)).body.ticked).toEqual(before.body.ticked);
  });

  it('when another employee reads their skills, then they see only their own', async () => {
    const theirs = await call('GET', '/api/tab/skills', other!.id);
    expect(theirs.body.ticked).toEqual([]);
  });

  it('when a request has no token, then it is refused with 401', async () => {
    const response = await fetch(`${app.baseUrl}/api/tab/skills`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ticked: DATA_LV1 }) });
    expect(response.status).toBe(401);
  });

  it('when a 係長級 employee checks mindset statements, then only statements for their job level are accepted', async () => {
    expect(employee!.jobLevel).toBe('chief');
    const saved = await call('PUT', '/api/tab/skills', employee!.id, { ticked: [], mindsetChecks: ['flexibility.common.1', 'flexibility.chief.1'] });
    expect(saved.status).toBe(200);
    expect(saved.body.mindsetChecks).toEqual(['flexibility.common.1', 'flexibility.chief.1']);
    const refused = await call('PUT', '/api/tab/skills', employee!.id, { ticked: [], mindsetChecks: ['digital-literacy.manager.1'] });
    expect(refused.status).toBe(400);
    expect((await call('GET', '/api/tab/skills', employee!.id)).body.mindsetChecks).toEqual(['flexibility.common.1', 'flexibility.chief.1']);
  });

  it('when an employee records an IT exam pass, then it is listed; a future date, a non-date or an unknown exam is refused', async () => {
    const saved = await call('PUT', '/api/tab/exams/ip', other!.id, { passedOn: '2025-06-15' });
    expect(saved.status).toBe(200);
    expect(saved.body.passes).toEqual([{ examId: 'ip', passedOn: '2025-06-15' }]);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await call('PUT', '/api/tab/exams/fe', other!.id, { passedOn: tomorrow })).status).toBe(400);
    expect((await call('PUT', '/api/tab/exams/fe', other!.id, { passedOn: '2025-02-30' })).status).toBe(400);
    expect((await call('PUT', '/api/tab/exams/cissp', other!.id, { passedOn: '2025-01-10' })).status).toBe(400);
    const listed = await call('GET', '/api/tab/exams', other!.id);
    expect(listed.body.passes).toEqual([{ examId: 'ip', passedOn: '2025-06-15' }]);
    expect((await call('GET', '/api/tab/exams', employee!.id)).body.passes).toEqual([]);
    expect((await call('DELETE', '/api/tab/exams/ip', other!.id)).body.passes).toEqual([]);
  });
});
