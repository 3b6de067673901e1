import { describe, expect, it } from 'vitest';
import { departmentAt, departmentTrends, jobLevelAt, wasStaffAt, type PersonOverTime } from '../../../bot/src/features/skills/domain/skill-trends.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';

const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const employee = (id: string, departmentId: string): Employee => ({
  id,
  displayName: id,
  email: undefined,
  departmentId,
  jobLevel: 'general',
  roles: ['employee'],
  locale: undefined,
  tenantId: undefined,
  installedAt: undefined,
});
const reachedLv1In2025 = [{ at: '2025-06-01T00:00:00.000Z', added: DATA_LV1, removed: [] }];
const departments = [
  { id: 'old', name: '旧課' },
  { id: 'new', name: '新課' },
];

describe('department trends across April transfers', () => {
  it('when someone moves on 1 April, then they belong to the old 課 on 31 March and to the new one on 1 April (JST)', () => {
    const person = { employee: employee('p', 'new'), transfers: [{ fromDepartmentId: 'old', toDepartmentId: 'new', effectiveDate: '2026-04-01' }] };
    expect(departmentAt(person, new Date('2026-03-31T14:59:59.000Z'))).toBe('old');
    expect(departmentAt(person, new Date('2026-03-31T15:00:00.000Z'))).toBe('new');
    expect(departmentAt({ employee: employee('q', 'new'), transfers: [] }, new Date('2020-01-01'))).toBe('new');
  });

  it('when five LV1 people move from 旧課 to 新課 in April 2026, then 2025年度 still shows them in 旧課 and 2026年度 in 新課', () => {
    const movers: PersonOverTime[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      employee: employee(id, 'new'),
      transfers: [{ fromDepartmentId: 'old', toDepartmentId: 'new', effectiveDate: '2026-04-01' }],
      history: reachedLv1In2025,
    }));
    const trend = departmentTrends({ people: movers, departments, firstYear: 2025, now: new Date('2026-06-01T00:00:00.000Z') });
    const at = (year: number, id: string) => trend.find((row) => row.fiscalYear === year)!.departments.find((row) => row.department.id === id)!.distribution;
    expect(at(2025, 'old')).toMatchObject({ suppressed: false, people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(at(2025, 'new')).toEqual({ suppressed: true, people: 0 });
    expect(at(2026, 'new')).toMatchObject({ suppressed: false, people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(at(2026, 'old')).toEqual({ suppressed: true, people: 0 });
  });

  it('when a level was reached after the end of a 年度, then that 年度 does not count it', () => {
    const people: PersonOverTime[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ employee: employee(id, 'old'), transfers: [], history: [{ at: '2026-04-02T00:00:00.000Z', added: DATA_LV1, removed: [] }] }));
    const trend = departmentTrends({ people, departments, firstYear: 2025, now: new Date('2026-06-01T00:00:00.000Z') });
    expect(trend[0]!.departments[0]!.distribution).toMatchObject({ bySkill: { 'data-utilization': [5, 0, 0, 0] } });
    expect(trend[1]!.departments[0]!.distribution).toMatchObject({ bySkill: { 'data-utilization': [0, 5, 0, 0] } });
  });

  it('when someone left on 1 April 2026, then they count in 2025年度 (their last year as staff) and not in 2026年度; a 昇任 moves their 職層 from its date too', () => {
    const stayers: PersonOverTime[] = ['a', 'b', 'c', 'd'].map((id) => ({ employee: employee(id, 'old'), transfers: [], history: reachedLv1In2025 }));
    const leaver: PersonOverTime = { employee: { ...employee('left', 'old'), directoryStatus: 'left' }, transfers: [], history: reachedLv1In2025, leftOn: '2026-04-01' };
    const trend = departmentTrends({ people: [...stayers, leaver], departments, firstYear: 2025, now: new Date('2026-06-01T00:00:00.000Z') });
    expect(trend[0]!.ward).toMatchObject({ suppressed: false, people: 5 });
    expect(trend[0]!.departments[0]!.distribution).toMatchObject({ people: 5, bySkill: { 'data-utilization': [0, 5, 0, 0] } });
    expect(trend[1]!.ward).toEqual({ suppressed: true, people: 4 });
    expect(wasStaffAt(leaver, new Date('2026-03-31T14:59:59.000Z'))).toBe(true);
    expect(wasStaffAt(leaver, new Date('2026-03-31T15:00:00.000Z'))).toBe(false);
    const promoted = { employee: { ...employee('p', 'old'), jobLevel: 'chief' as const }, transfers: [{ fromDepartmentId: 'old', toDepartmentId: 'old', fromJobLevel: 'general' as const, toJobLevel: 'chief' as const, effectiveDate: '2026-04-01' }] };
    expect(jobLevelAt(promoted, new Date('2026-03-01T00:00:00.000Z'))).toBe('general');
    expect(jobLevelAt(promoted, new Date('2026-04-02T00:00:00.000Z'))).toBe('chief');
  });
});
