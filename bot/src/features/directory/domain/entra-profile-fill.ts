import type { Department, Employee } from '../../../kernel/domain/employee.js';
import type { EntraProfile, EntraProfileRecord } from './directory-ports.js';
import { jobLevelOfSpelling } from './job-level-spellings.js';

/** Whether HR's roster already covers this person: then Entra is never asked and never written over it. */
export const coveredByRoster = (employee: Employee | undefined): boolean => Boolean(employee?.staffNumber);

/**
 * The 課 an Entra `department` names: a department whose name is exactly it ("区民部 戸籍住民課") or ends with it
 * ("戸籍住民課"), when exactly one does. Free text that names no known 課 fills nothing (no 課 is ever made from it).
 */
export function departmentOfEntraText(text: string | undefined, departments: readonly Department[]): string | undefined {
  const wanted = text?.normalize('NFKC').trim();
  if (!wanted) return undefined;
  const exact = departments.filter((department) => department.name.normalize('NFKC') === wanted);
  if (exact.length === 1) return exact[0]!.id;
  const bySection = departments.filter((department) => department.name.normalize('NFKC').endsWith(` ${wanted}`));
  return bySection.length === 1 ? bySection[0]!.id : undefined;
}

/**
 * Fills only what the employee record lacks from the Entra profile: 課 (by name), 職層 (jobTitle through the same
 * spelling table as the roster) and e-mail. Never overrides a value, so the roster (and anything an admin set) wins.
 */
export function fillFromEntraProfile(
  employee: Employee,
  profile: EntraProfile,
  departments: readonly Department[],
): { employee: Employee; filled: EntraProfileRecord['filled'] } {
  const filled: EntraProfileRecord['filled'] = [];
  let result = employee;
  const departmentId = employee.departmentId ? undefined : departmentOfEntraText(profile.department, departments);
  if (departmentId) {
    result = { ...result, departmentId };
    filled.push('departmentId');
  }
  const jobLevel = employee.jobLevel || !profile.jobTitle ? undefined : jobLevelOfSpelling(profile.jobTitle);
  if (jobLevel) {
    result = { ...result, jobLevel };
    filled.push('jobLevel');
  }
  const mail = profile.mail?.trim().toLowerCase();
  if (!employee.email && mail && /^[^\s@]+@[^\s@]+$/.test(mail)) {
    result = { ...result, email: mail };
    filled.push('email');
  }
  return { employee: result, filled };
}
