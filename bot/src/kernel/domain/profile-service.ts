import { AppError } from './errors.js';
import { employeeOnInstall, type EmployeeProfile } from './employee.js';
import type { DepartmentRepository, EmployeeRepository } from './ports.js';

export interface ProfileService {
  /** The profile of a known employee; throws not-found for an identity HR has not registered and who never installed the bot. */
  getProfile(employeeId: string): Promise<EmployeeProfile>;
  /** Records that Teams saw this person (install or message) and returns their profile. */
  recordSeen(seen: { id: string; displayName: string; locale: string | undefined; tenantId: string | undefined; at: string }): Promise<EmployeeProfile>;
}

export function createProfileService(deps: { employees: EmployeeRepository; departments: DepartmentRepository }): ProfileService {
  const withDepartment = async (employee: EmployeeProfile | Omit<EmployeeProfile, 'department'>): Promise<EmployeeProfile> => ({
    ...employee,
    department: employee.departmentId ? await deps.departments.get(employee.departmentId) : undefined,
  });
  return {
    async getProfile(employeeId) {
      const employee = await deps.employees.get(employeeId);
      if (!employee) {
        throw new AppError('not-found', {
          detail: `no employee ${employeeId}`,
          userMessage: {
            ja: '職員データが見つかりません。Teams で DX Navi ボットを追加するか、デジタル推進課にお問い合わせください。',
            en: 'Your employee record was not found. Add the DX Navi bot in Teams or contact the Digital Promotion Division.',
          },
        });
      }
      return withDepartment(employee);
    },
    async recordSeen(seen) {
      const employee = await deps.employees.update(seen.id, (current) => employeeOnInstall(current, seen));
      return withDepartment(employee);
    },
  };
}
