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
const promoterElsewhere = people.find((person) => person.roles.includes('promoter'))!;
const call = (method: string, path: string, employeeId: string, body?: unknown) => tabApi(app)(method, path, employeeId, body);
const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];

// The April transfer of this 年度 moves five people who reached LV1 last 年度 from 旧課 to 新課.
const thisYear = fiscalYearOf(new Date());
const OLD = { id: 'trend-old', name: '品川部 旧課' };
const NEW = { id: 'trend-new', name: '品川部 新課' };
const movers: Employee[] = [1, 2, 3, 4, 5].map((index) => ({
  id: `00000000-0000-4000-8000-0000000002${String(index).padStart(2, '0')}`,
  displayName: `Mover ${index}`,
  email: undefined,
  departmentId: NEW.id,
  jobLevel: 'general',
  roles: ['employee'],
  locale: undefined,
  tenantId: TEST_TENANT_ID,
  installedAt: undefined,
  staffNumber: `MV-${index}`,
  directoryStatus: 'active',
}));

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  await app.repositories.departments.save(OLD);
  await app.repositories.departments.save(NEW);
  for (const mover of movers) {
    await app.repositories.employees.save(mover);
    // Reached LV1 in June of last 年度, while still in 旧課.
    await app.repositories.skillAssessments.update(mover.id, (current) => ({ ...current, ticked: DATA_LV1, updatedAt: `${thisYear - 1}-06-01T00:00:00.000Z` }));
  }
  await app.repositories.staffDirectory.write({
    records: [],
    previousUpns: new Map(),
    transfers: movers.map((mover) => ({
      staffNumber: mover.staffNumber!,
      name: mover.displayName,
      from: { division: '品川部', section: '旧課', jobLevel: 'general' },
      to: { division: '品川部', section: '新課', jobLevel: 'general' },
      effectiveDate: `${thisYear}-04-01`,
      importId: 'april-import',
    })),
  });
});
afterAll(async () => {
  await app?.stop();
});

const distributionIn = (years: { fiscalYear: number; departments: { department: { id: string }; distribution: unknown }[] }[], year: number, departmentId: string) =>
  years.find((row) => row.fiscalYear === year)!.departments.find((row) => row.department.id === departmentId)!.distribution;

describe('department trends by 年度 across April transfers', () => {
  it('when five LV1 people moved from 旧課 to 新課 this April, then last 年度 still shows them in 旧課 and this 年度 in 新課', async () => {
    const ward = await call('GET', '/api/tab/admin/skills/trend', admin.id);
    expect(ward.status).toBe(200);
    expect(distributionIn(ward.body.years, thisYear - 1, OLD.id)).toMatchObject({ suppressed: false, people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(distributionIn(ward.body.years, thisYear - 1, NEW.id)).toEqual({ suppressed: true, people: 0 });
    expect(distributionIn(ward.body.years, thisYear, NEW.id)).toMatchObject({ suppressed: false, people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(distributionIn(ward.body.years, thisYear, OLD.id)).toEqual({ suppressed: true, people: 0 });
  });

  it('when an admin opens one 課 trend, then it lists each 年度; a DX推進委員 of another 課 is refused', async () => {
    const old = await call('GET', `/api/tab/department/skills/trend?departmentId=${OLD.id}`, admin.id);
    expect(old.body.years.map((year: { fiscalYear: number; distribution: { people: number } }) => [year.fiscalYear, year.distribution.people])).toEqual([
      [thisYear - 1, 5],
      [thisYear, 0],
    ]);
    expect((await call('GET', `/api/tab/department/skills/trend?departmentId=${OLD.id}`, promoterElsewhere.id)).status).toBe(403);
    expect((await call('GET', '/api/tab/admin/skills/trend', promoterElsewhere.id)).status).toBe(403);
  });
});
