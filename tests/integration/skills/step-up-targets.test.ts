import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { fiscalYearOf } from '../../../bot/src/features/skills/domain/skill-timeline.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
const people = demoEmployees(TEST_TENANT_ID);
const admin = people.find((person) => person.roles.includes('admin'))!;
const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);
const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const nextYear = fiscalYearOf(new Date()) + 1;

const staff = (index: number, jobLevel: Employee['jobLevel']): Employee => ({
  id: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
  displayName: `Target Staff ${index}`,
  email: undefined,
  departmentId: 'target-section',
  jobLevel,
  roles: ['employee'],
  locale: undefined,
  tenantId: TEST_TENANT_ID,
  installedAt: undefined,
  staffNumber: `TS-${index}`,
  directoryStatus: 'active',
});
// Five 一般職 (a group that may be shown) and one 管理職 (a group of one, never shown).
const generals = [1, 2, 3, 4, 5].map((index) => staff(index, 'general'));
const manager = staff(6, 'manager');

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  await app.repositories.departments.save({ id: 'target-section', name: '品川部 目標課' });
  for (const person of [...generals, manager]) await app.repositories.employees.save(person);
  for (const person of generals.slice(0, 3)) await call('PUT', '/api/tab/skills', person.id, { ticked: DATA_LV1 });
});
afterAll(async () => {
  await app?.stop();
});

describe('ステップアップ目標 by デジタル推進課', () => {
  it('when a target level outside 1–3 is set, then it is refused with a clear message and no target is stored; a non-admin is refused', async () => {
    for (const level of [0, 4, 1.5]) {
      const refused = await call('PUT', '/api/tab/admin/skills/targets/general/data-utilization', admin.id, { level, byFiscalYear: nextYear });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('目標レベルは LV1〜LV3 で指定してください。');
    }
    expect((await call('PUT', '/api/tab/admin/skills/targets/intern/data-utilization', admin.id, { level: 1, byFiscalYear: nextYear })).status).toBe(400);
    expect((await call('PUT', '/api/tab/admin/skills/targets/general/data-utilization', generals[0]!.id, { level: 1, byFiscalYear: nextYear })).status).toBe(403);
    expect((await call('GET', '/api/tab/admin/skills/targets', admin.id)).body.targets).toEqual([]);
  });

  it('when every 一般職 should reach データ活用 LV1, then the department view shows 3 of 5 at or above target and hides the 管理職 group of one', async () => {
    const saved = await call('PUT', '/api/tab/admin/skills/targets/general/data-utilization', admin.id, { level: 1, byFiscalYear: nextYear });
    expect(saved.status).toBe(200);
    await call('PUT', '/api/tab/admin/skills/targets/manager/data-utilization', admin.id, { level: 2, byFiscalYear: nextYear });
    expect(saved.body.targets).toEqual([expect.objectContaining({ jobLevel: 'general', skillId: 'data-utilization', level: 1, byFiscalYear: nextYear, setBy: admin.id })]);

    const department = await call('GET', '/api/tab/department/skills?departmentId=target-section', admin.id);
    expect(department.body.targets).toEqual([
      { jobLevel: 'general', skillId: 'data-utilization', level: 1, byFiscalYear: nextYear, suppressed: false, people: 5, atOrAbove: 3, share: 0.6 },
      { jobLevel: 'manager', skillId: 'data-utilization', level: 2, byFiscalYear: nextYear, suppressed: true, people: 1 },
    ]);

    const ward = await call('GET', '/api/tab/admin/skills/distribution', admin.id);
    const wardGeneral = (ward.body.targets as { jobLevel: string; people: number; atOrAbove: number }[]).find((share) => share.jobLevel === 'general')!;
    const allGenerals = people.filter((person) => person.jobLevel === 'general').length + generals.length;
    expect(wardGeneral).toMatchObject({ people: allGenerals, atOrAbove: 3 });
    expect(ward.body.departments.find((row: { department: { id: string } }) => row.department.id === 'target-section').targets[0]).toMatchObject({ atOrAbove: 3, people: 5 });
  });

  it('when a target is removed, then views no longer show it', async () => {
    const removed = await call('DELETE', '/api/tab/admin/skills/targets/manager/data-utilization', admin.id);
    expect(removed.body.targets.map((target: { jobLevel: string }) => target.jobLevel)).toEqual(['general']);
  });
});
