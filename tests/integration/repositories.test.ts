import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../bot/src/app.js';
import { ConcurrencyError } from '../../bot/src/kernel/domain/errors.js';
import type { Employee } from '../../bot/src/kernel/domain/employee.js';
import { sanitizeKey } from '../../bot/src/kernel/storage/keys.js';
import { testTableStorage } from '../support/storage.js';

const sampleEmployee = (id: string): Employee => ({
  id,
  displayName: '戸越 花子',
  email: undefined,
  departmentId: 'resident-registry',
  jobLevel: 'chief',
  roles: ['employee', 'promoter'],
  locale: 'ja-JP',
  tenantId: 'tenant',
  installedAt: undefined,
});

describe('Table Storage repositories on Azurite', () => {
  it('when an employee is saved, then a point read returns it unchanged', async () => {
    const { employees } = createRepositories(await testTableStorage());
    await employees.save(sampleEmployee('e1'));
    expect(await employees.get('e1')).toEqual(sampleEmployee('e1'));
  });

  it('when an employee does not exist, then get returns undefined rather than throwing', async () => {
    const { employees } = createRepositories(await testTableStorage());
    expect(await employees.get('nobody')).toBeUndefined();
  });

  it('when two updates race on one employee, then both changes survive (ETag retry)', async () => {
    const { employees } = createRepositories(await testTableStorage());
    await employees.save({ ...sampleEmployee('e2'), roles: ['employee'] });
    await Promise.all([
      employees.update('e2', (current) => ({ ...current!, roles: [...current!.roles, 'admin'] })),
      employees.update('e2', (current) => ({ ...current!, locale: 'en-US' })),
    ]);
    const stored = await employees.get('e2');
    expect(stored?.roles).toContain('admin');
    expect(stored?.locale).toBe('en-US');
  });

  it('when every retry loses the race, then a ConcurrencyError reaches the caller', async () => {
    const storage = await testTableStorage();
    const { employees } = createRepositories(storage);
    await employees.save(sampleEmployee('e3'));
    let writes = 0;
    const update = employees.update('e3', async (current) => {
      // Another writer changes the row between every read and write.
      await employees.save({ ...current!, displayName: `other ${writes++}` });
      return { ...current!, locale: 'en-US' };
    });
    await expect(update).rejects.toBeInstanceOf(ConcurrencyError);
    expect(writes).toBe(5);
  });

  it('when ids contain characters Table keys forbid, then they are stored and read back', async () => {
    const { employees } = createRepositories(await testTableStorage());
    const id = 'odd/id\\with#and?';
    await employees.save(sampleEmployee(id));
    expect((await employees.get(id))?.id).toBe(id);
    expect(sanitizeKey(id)).not.toMatch(/[/\\#?]/);
  });

  it('when departments and conversation references are saved, then they are listed and read back', async () => {
    const { departments, conversationReferences } = createRepositories(await testTableStorage());
    await departments.save({ id: 'd1', name: '企画経営部 デジタル推進課' });
    await departments.save({ id: 'd2', name: '総務部 人事課' });
    expect((await departments.list()).map((department) => department.name).sort()).toEqual(['企画経営部 デジタル推進課', '総務部 人事課'].sort());
    await conversationReferences.save({ employeeId: 'e1', scope: 'personal', reference: { conversation: { id: 'a:1' } }, updatedAt: '2026-11-24T00:00:00Z' });
    expect((await conversationReferences.get('e1'))?.reference).toEqual({ conversation: { id: 'a:1' } });
  });
});
