import { unregisteredEmployee } from '../../../kernel/domain/employee.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { EntraProfile, EntraProfileRepository, EntraProfileSource } from './directory-ports.js';
import { coveredByRoster, fillFromEntraProfile } from './entra-profile-fill.js';

/**
 * Entra profile fill (optional): at the tab's load, a person HR's roster does not cover yet gets 課, 職層 and e-mail
 * from Microsoft Graph where their record has none. Asked once per person (the answer is stored with what it filled
 * and its source); a failure is reported to `onFailure` and the tab goes on without it, to try again next load.
 */
export function createEntraProfileFill(deps: {
  source: EntraProfileSource;
  profiles: EntraProfileRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  now?: () => Date;
  onFailure: (employeeId: string, error: unknown) => void;
}) {
  const now = () => deps.now?.() ?? new Date();
  return async function fillFromEntra(caller: { employeeId: string; name: string | undefined }, userAssertion: string): Promise<void> {
    const employee = await deps.employees.get(caller.employeeId);
    if (coveredByRoster(employee) || (await deps.profiles.get(caller.employeeId))) return;
    let profile: EntraProfile;
    try {
      profile = await deps.source.read(userAssertion);
    } catch (error) {
      deps.onFailure(caller.employeeId, error);
      return;
    }
    const departments = await deps.departments.list();
    let filled: ReturnType<typeof fillFromEntraProfile>['filled'] = [];
    await deps.employees.update(caller.employeeId, (current) => {
      // The roster may have linked this person while Graph answered: then nothing is filled.
      if (coveredByRoster(current)) return current!;
      const base = current ?? unregisteredEmployee(caller.employeeId, { displayName: caller.name ?? '' });
      const result = fillFromEntraProfile(base, profile, departments);
      filled = result.filled;
      return result.employee;
    });
    await deps.profiles.save({ employeeId: caller.employeeId, profile, filled, source: 'microsoft-graph-me', fetchedAt: now().toISOString() });
  };
}
