import type { RunningApp } from '../../bot/src/app.js';
import type { Employee } from '../../bot/src/kernel/domain/employee.js';
import type { TestUser } from './activities.js';
import { TEST_TENANT_ID } from './tenant.js';

/**
 * Makes a chat test user a member of staff, as linking them to HR's roster would (issue 12): an identity no roster
 * row lists may only read help and the FAQ and file a DX相談.
 */
export async function registerStaff(app: RunningApp, user: TestUser, fields: { departmentId?: string } = {}): Promise<void> {
  await app.repositories.employees.save({
    id: user.aadObjectId,
    displayName: user.name,
    email: undefined,
    departmentId: fields.departmentId,
    jobLevel: 'general',
    roles: ['employee'],
    locale: user.locale,
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
    staffNumber: `T-${user.aadObjectId.slice(-6)}`,
    directoryStatus: 'active',
  });
}

/**
 * A family of test employees whose ids share a prefix digit (each test file its own), so a failing test names whose
 * rows it saw. `userOf` is the same person as a chat user.
 */
export function testStaff(series: number) {
  const employee = (n: number, name: string, roles: Employee['roles'], extra: Partial<Employee> = {}): Employee => ({
    id: `00000000-0000-4000-8000-${series}${String(n).padStart(11, '0')}`,
    displayName: name,
    email: undefined,
    departmentId: undefined,
    jobLevel: 'general',
    roles,
    locale: 'ja-JP',
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
    ...extra,
  });
  const userOf = (person: Employee, locale?: string): TestUser => ({ aadObjectId: person.id, name: person.displayName, ...(locale ? { locale } : {}) });
  return { employee, userOf };
}
