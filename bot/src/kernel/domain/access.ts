import { AppError } from './errors.js';
import type { Employee } from './employee.js';
import type { EmployeeRepository } from './ports.js';

/**
 * Who may see what beyond their own profile (第4章 推進体制): デジタル推進課 (admin) runs the programme ward-wide;
 * a DX推進委員 (promoter) or a 管理職 sees the level distribution of their own department, never individual answers.
 */
export function isAdmin(employee: Employee | undefined): boolean {
  return Boolean(employee?.roles.includes('admin'));
}

export function requireAdmin(employee: Employee | undefined): asserts employee is Employee {
  if (!isAdmin(employee)) throw new AppError('forbidden', { detail: `${employee?.id ?? 'unknown'} is not an admin` });
}

/** The one admin check by id: reads the employee and refuses anyone who is not デジタル推進課 (AppError 'forbidden'). */
export function adminCheck(employees: Pick<EmployeeRepository, 'get'>): (employeeId: string) => Promise<Employee> {
  return async (employeeId) => {
    const employee = await employees.get(employeeId);
    requireAdmin(employee);
    return employee;
  };
}

/** The departments whose distribution this person may see: all for admins, their own for promoters and managers. */
export function canViewDepartment(employee: Employee | undefined, departmentId: string): boolean {
  if (!employee) return false;
  if (isAdmin(employee)) return true;
  const leadsOwnDepartment = employee.roles.includes('promoter') || employee.jobLevel === 'manager';
  return leadsOwnDepartment && employee.departmentId === departmentId;
}
