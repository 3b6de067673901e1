import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
const people = demoEmployees(TEST_TENANT_ID);
const byName = (name: string) => people.find((person) => person.displayName === name)!;
const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);

const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const SECURITY_LV1 = ['security.lv1.1'];
// 地域振興部 戸籍住民課: 戸越 花子 (係長級, DX推進委員), 荏原 直樹 (管理職), 大崎 健太 / 旗の台 彩 / 中延 翔 (一般職).
const employee = byName('大崎 健太');
const chief = byName('戸越 花子');
const manager = byName('荏原 直樹');
const outsider = byName('長原 明美');

const member = (id: string, name: string, departmentId: string, roles: Employee['roles'] = ['employee']): Employee => ({
  id,
  displayName: name,
  email: undefined,
  departmentId,
  jobLevel: 'general',
  roles,
  locale: undefined,
  tenantId: TEST_TENANT_ID,
  installedAt: undefined,
  staffNumber: `S-${id}`,
  directoryStatus: 'active',
});
// A 課 with no 係長級 or 管理職 but a DX推進委員, and one with nobody who could confirm.
const promoterOnly = { department: { id: 'promoter-only', name: '品川部 推進課' }, promoter: member('00000000-0000-4000-8000-0000000000a1', 'Promoter Only', 'promoter-only', ['employee', 'promoter']), staff: member('00000000-0000-4000-8000-0000000000a2', 'Staff A', 'promoter-only') };
const alone = { department: { id: 'alone', name: '品川部 ひとり課' }, staff: member('00000000-0000-4000-8000-0000000000b1', 'Staff Alone', 'alone') };

const confirmationOf = (body: Record<string, any>, skillId: string) => (body.confirmations as { skillId: string }[]).find((row) => row.skillId === skillId) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as sent

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  await app.repositories.departments.save(promoterOnly.department);
  await app.repositories.departments.save(alone.department);
  for (const person of [promoterOnly.promoter, promoterOnly.staff, alone.staff]) await app.repositories.employees.save(person);
});
afterAll(async () => {
  await app?.stop();
});

describe('上司確認 of a raised skill level', () => {
  it('when an employee raises a level, then the 係長級 and 管理職 of their 課 get a card and a queue item with the evidence, and after 確認する the tab and 人材データ say 確認済み with who and when', async () => {
    await call('PUT', '/api/tab/exams/ip', employee.id, { passedOn: '2025-06-01' });
    const course = (await app.repositories.courses.list()).find((candidate) => candidate.teaches.some((taught) => taught.skillId === 'data-utilization'))!;
    await app.repositories.completions.save({ employeeId: employee.id, sessionId: 'past-1', courseId: course.id, completedOn: '2026-05-20', confirmedBy: chief.id, confirmedAt: '2026-05-20T09:00:00.000Z' });

    const saved = await call('PUT', '/api/tab/skills', employee.id, { ticked: DATA_LV1 });
    expect(saved.status).toBe(200);
    expect(confirmationOf(saved.body, 'data-utilization')).toMatchObject({ level: 1, status: 'pending', label: { ja: '自己評価' }, route: 'supervisor' });
    expect(confirmationOf(saved.body, 'data-utilization').routeNote.ja).toBe('同じ課の係長級・管理職に確認を依頼しました。');

    const cards = (await app.delivery.list()).filter((broadcast) => broadcast.kind === 'skill-confirmation-request' && broadcast.id.includes(employee.id));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.recipientCount).toBe(2);

    const queue = await call('GET', '/api/tab/skills/confirmations', manager.id);
    const item = (queue.body.items as Record<string, any>[]).find((candidate) => candidate.employeeId === employee.id && candidate.skillId === 'data-utilization'); // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as sent
    expect(item).toMatchObject({ employeeName: '大崎 健太', level: 1 });
    expect(item!.evidence.examPasses).toEqual([{ examId: 'ip', name: expect.objectContaining({ ja: 'ITパスポート' }), passedOn: '2025-06-01' }]);
    expect(item!.evidence.completions).toEqual([{ courseId: course.id, title: course.title, completedOn: '2026-05-20' }]);
    expect((await call('GET', '/api/tab/skills/confirmations', chief.id)).body.items).toHaveLength(1);
    expect((await call('GET', '/api/tab/skills/confirmations', employee.id)).body.items).toEqual([]);

    const decided = await call('POST', `/api/tab/skills/confirmations/${employee.id}/data-utilization`, manager.id, { decision: 'confirm', level: 1 });
    expect(decided.status).toBe(200);
    const mine = await call('GET', '/api/tab/skills', employee.id);
    expect(confirmationOf(mine.body, 'data-utilization')).toMatchObject({ status: 'confirmed', decidedByName: '荏原 直樹' });
    expect(confirmationOf(mine.body, 'data-utilization').label.ja).toMatch(/^確認済み\(荏原 直樹 \d{4}-\d{2}-\d{2}\)$/);
    expect((await call('GET', '/api/tab/skills/confirmations', chief.id)).body.items).toEqual([]);

    const csv = (await call('GET', '/api/tab/admin/export/talent-data.csv', byName('品川 デジタ').id)).text;
    const line = csv.split('\r\n').find((candidate) => candidate.startsWith(employee.id))!;
    expect(line).toMatch(/,1,確認済み\(荏原 直樹 \d{4}-\d{2}-\d{2}\),/);
  });

  it('when someone confirms their own level, then it is refused with 403 and stays self-assessed', async () => {
    await call('PUT', '/api/tab/skills', chief.id, { ticked: SECURITY_LV1 });
    const refused = await call('POST', `/api/tab/skills/confirmations/${chief.id}/security`, chief.id, { decision: 'confirm', level: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('自分のスキルレベルは確認できません。');
    expect(confirmationOf((await call('GET', '/api/tab/skills', chief.id)).body, 'security').status).toBe('pending');
  });

  it('when a manager of another 課 confirms, then it is refused with 403 and the request stays in the 課 queue', async () => {
    const target = byName('旗の台 彩');
    await call('PUT', '/api/tab/skills', target.id, { ticked: SECURITY_LV1 });
    const refused = await call('POST', `/api/tab/skills/confirmations/${target.id}/security`, outsider.id, { decision: 'confirm', level: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('確認できるのは同じ課の職員のスキルレベルだけです。');
    expect((await call('GET', '/api/tab/skills/confirmations', outsider.id)).body.items).toEqual([]);
    expect((await call('GET', '/api/tab/skills/confirmations', manager.id)).body.items.map((item: { employeeId: string }) => item.employeeId)).toContain(target.id);
  });

  it('when the employee no longer claims the level, then confirming it is refused and it leaves the queue; a level other than the one claimed is refused too', async () => {
    const target = byName('中延 翔');
    await call('PUT', '/api/tab/skills', target.id, { ticked: DATA_LV1 });
    const wrongLevel = await call('POST', `/api/tab/skills/confirmations/${target.id}/data-utilization`, manager.id, { decision: 'confirm', level: 2 });
    expect(wrongLevel.status).toBe(400);
    await call('PUT', '/api/tab/skills', target.id, { ticked: DATA_LV1.slice(0, 2) });
    const withdrawn = await call('POST', `/api/tab/skills/confirmations/${target.id}/data-utilization`, manager.id, { decision: 'confirm', level: 1 });
    expect(withdrawn.status).toBe(400);
    expect(withdrawn.body.error.message).toBe('職員がこのレベルをすでに取り下げたか変更しました。最新の内容を確認してください。');
    expect((await call('GET', '/api/tab/skills/confirmations', manager.id)).body.items.map((item: { employeeId: string }) => item.employeeId)).not.toContain(target.id);
    const bad = await call('POST', `/api/tab/skills/confirmations/${target.id}/no-such-skill`, manager.id, { decision: 'confirm', level: 1 });
    expect(bad.status).toBe(400);
  });

  it('when a confirmer sends a level back, then a comment is required, the employee sees 差し戻し with it and is told in chat', async () => {
    const target = byName('小山台 結衣');
    await call('PUT', '/api/tab/skills', target.id, { ticked: SECURITY_LV1 });
    const noComment = await call('POST', `/api/tab/skills/confirmations/${target.id}/security`, chief.id, { decision: 'return', level: 1 });
    expect(noComment.status).toBe(400);
    const returned = await call('POST', `/api/tab/skills/confirmations/${target.id}/security`, chief.id, { decision: 'return', level: 1, comment: '研修の修了後にもう一度申告してください。' });
    expect(returned.status).toBe(200);
    const mine = confirmationOf((await call('GET', '/api/tab/skills', target.id)).body, 'security');
    expect(mine).toMatchObject({ status: 'returned', comment: '研修の修了後にもう一度申告してください。', decidedByName: '戸越 花子', label: { ja: '自己評価' } });
    const told = (await app.delivery.list()).filter((broadcast) => broadcast.kind === 'skill-confirmation-decision' && broadcast.id.includes(target.id));
    expect(told).toHaveLength(1);
    expect(told[0]!.recipientCount).toBe(1);
  });

  it('when the 課 has no 係長級 or 管理職, then its DX推進委員 is asked; with nobody at all the level stays 自己評価 and says so', async () => {
    const saved = await call('PUT', '/api/tab/skills', promoterOnly.staff.id, { ticked: DATA_LV1 });
    expect(confirmationOf(saved.body, 'data-utilization')).toMatchObject({ status: 'pending', route: 'promoter' });
    expect(confirmationOf(saved.body, 'data-utilization').routeNote.ja).toBe('課に係長級・管理職がいないため、課のDX推進委員に確認を依頼しました。');
    expect((await call('GET', '/api/tab/skills/confirmations', promoterOnly.promoter.id)).body.items).toHaveLength(1);
    expect((await call('POST', `/api/tab/skills/confirmations/${promoterOnly.staff.id}/data-utilization`, promoterOnly.promoter.id, { decision: 'confirm', level: 1 })).status).toBe(200);

    const lonely = await call('PUT', '/api/tab/skills', alone.staff.id, { ticked: DATA_LV1 });
    expect(confirmationOf(lonely.body, 'data-utilization')).toMatchObject({ status: 'self-assessed', route: 'none', label: { ja: '自己評価' } });
    expect(confirmationOf(lonely.body, 'data-utilization').routeNote.ja).toBe('課に確認できる係長級・管理職・DX推進委員がいないため、自己評価のままです。');
    expect((await app.delivery.list()).filter((broadcast) => broadcast.id.includes(alone.staff.id))).toEqual([]);
  });

  it('when a level was confirmed, then the employee\'s timeline lists it with the confirmer, and the levels of this 年度', async () => {
    const timeline = await call('GET', '/api/tab/skills/timeline', employee.id);
    expect(timeline.status).toBe(200);
    const data = (timeline.body.perSkill as { skillId: string; entries: Record<string, unknown>[] }[]).find((skill) => skill.skillId === 'data-utilization')!.entries;
    expect(data).toEqual([expect.objectContaining({ level: 1, status: 'confirmed', decidedByName: '荏原 直樹' })]);
    expect(timeline.body.byFiscalYear.at(-1).levels['data-utilization']).toBe(1);
    expect((await call('GET', '/api/tab/skills/timeline', manager.id)).body.perSkill.find((skill: { skillId: string }) => skill.skillId === 'data-utilization').entries).toEqual([]);
  });
});
