import type { RunningApp } from '../../bot/src/app.js';
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
