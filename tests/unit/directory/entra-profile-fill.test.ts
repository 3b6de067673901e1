import { describe, expect, it } from 'vitest';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { departmentOfEntraText, fillFromEntraProfile } from '../../../bot/src/features/directory/domain/entra-profile-fill.js';

const departments = [
  { id: 'koseki', name: '地域振興部 戸籍住民課' },
  { id: 'jinji', name: '総務部 人事課' },
  { id: 'somu-a', name: '総務部 庶務課' },
  { id: 'somu-b', name: '福祉部 庶務課' },
];
const blank: Employee = { id: 'e1', displayName: '', email: undefined, departmentId: undefined, jobLevel: undefined, roles: ['employee'], locale: undefined, tenantId: undefined, installedAt: undefined };

describe('Entra profile fill', () => {
  it('when Entra names a 課 by its full or its section name, then that 課 is found; a name two 部 share or no 課 has finds none', () => {
    expect(departmentOfEntraText('戸籍住民課', departments)).toBe('koseki');
    expect(departmentOfEntraText('総務部 人事課', departments)).toBe('jinji');
    expect(departmentOfEntraText('庶務課', departments)).toBeUndefined();
    expect(departmentOfEntraText('情報政策課', departments)).toBeUndefined();
    expect(departmentOfEntraText(undefined, departments)).toBeUndefined();
  });

  it('when the record is empty, then 課, 職層 (through the roster spelling table) and e-mail are filled and listed', () => {
    const { employee, filled } = fillFromEntraProfile(blank, { department: '人事課', jobTitle: '課長', employeeId: '1', mail: 'A@City.example.jp' }, departments);
    expect(employee).toMatchObject({ departmentId: 'jinji', jobLevel: 'manager', email: 'a@city.example.jp' });
    expect(filled).toEqual(['departmentId', 'jobLevel', 'email']);
  });

  it('when the record already has values, then Entra overrides none of them', () => {
    const known: Employee = { ...blank, departmentId: 'koseki', jobLevel: 'general', email: 'mine@city.example.jp' };
    const { employee, filled } = fillFromEntraProfile(known, { department: '人事課', jobTitle: '課長', employeeId: '1', mail: 'other@city.example.jp' }, departments);
    expect(employee).toEqual(known);
    expect(filled).toEqual([]);
  });

  it('when the job title is not in the spelling table, then 職層 stays unknown rather than guessed', () => {
    expect(fillFromEntraProfile(blank, { department: undefined, jobTitle: 'Senior Specialist', employeeId: undefined, mail: undefined }, departments).filled).toEqual([]);
  });
});
