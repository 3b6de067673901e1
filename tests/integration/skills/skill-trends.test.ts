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

// Five more of 旧課 reached LV1 last 年度 and left the ward on 1 April of this one (the roster import's effective date).
const leavers: Employee[] = [1, 2, 3, 4, 5].map((index) => ({
  ...movers[0]!,
  id: `00000000-0000-4000-8000-0000000003${String(index).padStart(2, '0')}`,
  displayName: `Leaver ${index}`,
  departmentId: OLD.id,
  staffNumber: `LV-${index}`,
  directoryStatus: 'left',
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
  for (const leaver of leavers) {
    await app.repositories.employees.save(leaver);
    await app.repositories.skillAssessments.update(leaver.id, (current) => ({ ...current, ticked: DATA_LV1, updatedAt: `${thisYear - 1}-07-01T00:00:00.000Z` }));
  }
  await app.repositories.staffDirectory.write({
    records: leavers.map((leaver) => ({
      staffNumber: leaver.staffNumber!,
      name: leaver.displayName,
      division: '品川部',
      section: '旧課',
      jobLevel: 'general',
      upn: `${leaver.staffNumber}@example.jp`,
      status: 'left',
      employeeId: leaver.id,
      updatedAt: `${thisYear}-04-01T00:00:00.000Z`,
      leftOn: `${thisYear}-04-01`,
    })),
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
    expect(distributionIn(ward.body.years, thisYear - 1, OLD.id)).toMatchObject({ suppressed: false, people: 10, bySkill: { 'data-utilization': [0, 10, 0, 0] } });
    expect(distributionIn(ward.body.years, thisYear - 1, NEW.id)).toEqual({ suppressed: true, people: 0 });
    expect(distributionIn(ward.body.years, thisYear, NEW.id)).toMatchObject({ suppressed: false, people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(distributionIn(ward.body.years, thisYear, OLD.id)).toEqual({ suppressed: true, people: 0 });
  });

  it('when an admin opens one 課 trend, then it lists each 年度; a DX推進委員 of another 課 is refused', async () => {
    const old = await call('GET', `/api/tab/department/skills/trend?departmentId=${OLD.id}`, admin.id);
    expect(old.body.years.map((year: { fiscalYear: number; distribution: { people: number } }) => [year.fiscalYear, year.distribution.people])).toEqual([
      [thisYear - 1, 10],
      [thisYear, 0],
    ]);
    expect((await call('GET', `/api/tab/department/skills/trend?departmentId=${OLD.id}`, promoterElsewhere.id)).status).toBe(403);
    expect((await call('GET', '/api/tab/admin/skills/trend', promoterElsewhere.id)).status).toBe(403);
  });

  it('when five people left on 1 April, then they count in 旧課 and the ward last 年度 and nowhere this 年度', async () => {
    const ward = (await call('GET', '/api/tab/admin/skills/trend', admin.id)).body;
    const year = (fiscalYear: number) => ward.years.find((row: { fiscalYear: number }) => row.fiscalYear === fiscalYear);
    expect(distributionIn(ward.years, thisYear - 1, OLD.id)).toMatchObject({ people: 10 });
    expect(year(thisYear - 1).ward.bySkill['data-utilization'][1]).toBe(10);
    expect(year(thisYear).ward.bySkill['data-utilization'][1]).toBe(5);
    // The ward counts active staff of the demo data and the movers this year; the leavers are not among them.
    expect(year(thisYear).ward.people).toBe(year(thisYear - 1).ward.people - leavers.length);
  });

  it('when デジタル推進課 sets a step-up target, then every 年度 of the ward and 課 trend carries the share at or above it; a 職層 group under five says it is hidden', async () => {
    expect((await call('PUT', '/api/tab/admin/skills/targets/general/data-utilization', admin.id, { level: 1, byFiscalYear: thisYear + 1 })).status).toBe(200);
    const ward = (await call('GET', '/api/tab/admin/skills/trend', admin.id)).body;
    const lastYear = ward.years.find((row: { fiscalYear: number }) => row.fiscalYear === thisYear - 1);
    const old = lastYear.departments.find((row: { department: { id: string } }) => row.department.id === OLD.id);
    expect(old.targets).toEqual([expect.objectContaining({ jobLevel: 'general', skillId: 'data-utilization', level: 1, suppressed: false, people: 10, atOrAbove: 10, share: 1 })]);
    expect(lastYear.targets[0]).toMatchObject({ jobLevel: 'general', skillId: 'data-utilization', suppressed: false, atOrAbove: 10 });
    const thisYearNew = ward.years.at(-1).departments.find((row: { department: { id: string } }) => row.department.id === NEW.id);
    expect(thisYearNew.targets[0]).toMatchObject({ suppressed: false, people: 5, atOrAbove: 5 });
    const department = (await call('GET', `/api/tab/department/skills/trend?departmentId=${NEW.id}`, admin.id)).body;
    expect(department.years[0].targets[0]).toMatchObject({ suppressed: true, people: 0 });
  });

  it('when everyone\'s history is read in one scan (the ward trend from 300 people on), then each person\'s changes are exactly what their own partition read gives', async () => {
    const all = await app.repositories.skillAssessments.listAllHistories();
    for (const person of [...movers, ...leavers]) {
      expect(all.get(person.id)).toEqual(await app.repositories.skillAssessments.history(person.id));
    }
    expect(all.get(movers[0]!.id)).toEqual([expect.objectContaining({ at: `${thisYear - 1}-06-01T00:00:00.000Z`, added: DATA_LV1, removed: [] })]);
  });
});
