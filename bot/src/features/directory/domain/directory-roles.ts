import { adminCheck, isAdmin } from '../../../kernel/domain/access.js';
import type { Employee, Role } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { DirectoryAuditRepository, PromoterAssignment, StaffDirectoryRepository } from './directory-ports.js';
import { departmentResolver } from './roster-diff.js';

/** The Entra app roles (aad.manifest.json appRoles) and the app role each one gives. */
export const APP_ROLES: Readonly<Record<string, Role>> = { 'DXNavi.Admin': 'admin', 'DXNavi.Promoter': 'promoter' };

/** Who signed in to the tab, as the verified token says. */
export interface SignedInCaller {
  employeeId: string;
  name: string | undefined;
  upn: string | undefined;
  roles: readonly string[];
}

const withRole = (employee: Employee, role: Role): Employee => (employee.roles.includes(role) ? employee : { ...employee, roles: [...employee.roles, role] });
const withoutRole = (employee: Employee, role: Role): Employee => ({ ...employee, roles: employee.roles.filter((held) => held !== role) });

/**
 * Roles: app roles from the token (DXNavi.Admin / DXNavi.Promoter, assigned in Entra), BOOTSTRAP_ADMIN_UPNS for the
 * first admins, and DX推進委員 per 課 assigned by admins in the tab. Every change is audited (who, what, when).
 */
export function createDirectoryRoles(deps: {
  staff: StaffDirectoryRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  audit: DirectoryAuditRepository;
  bootstrapAdminUpns: readonly string[];
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();
  const asAdmin = adminCheck(deps.employees);
  const audit = (actor: { id: string; displayName: string }, action: 'role-granted' | 'promoter-assigned' | 'promoter-unassigned', detail: string) =>
    deps.audit.append({ at: now().toISOString(), actorId: actor.id, actorName: actor.displayName, action, detail });

  return {
    /**
     * At the tab's load: grants what the token's app roles (or BOOTSTRAP_ADMIN_UPNS) say and the stored record
     * lacks. Writes only on a change, so an ordinary load writes nothing.
     */
    async applySignInRoles(caller: SignedInCaller): Promise<void> {
      const granted = new Set(caller.roles.flatMap((claim) => (Object.hasOwn(APP_ROLES, claim) ? [APP_ROLES[claim]!] : [])));
      const bootstrap = caller.upn !== undefined && deps.bootstrapAdminUpns.includes(caller.upn);
      if (bootstrap) granted.add('admin');
      if (granted.size === 0) return;
      const current = await deps.employees.get(caller.employeeId);
      const missing = [...granted].filter((role) => !current?.roles.includes(role));
      if (missing.length === 0) return;
      const updated = await deps.employees.update(caller.employeeId, (employee) =>
        missing.reduce(
          withRole,
          employee ?? { id: caller.employeeId, displayName: caller.name ?? '', email: caller.upn, departmentId: undefined, jobLevel: undefined, roles: ['employee'], locale: undefined, tenantId: undefined, installedAt: undefined, directoryStatus: 'unregistered' },
        ),
      );
      const source = bootstrap && !caller.roles.includes('DXNavi.Admin') ? 'BOOTSTRAP_ADMIN_UPNS' : 'Entra app role';
      await audit(updated, 'role-granted', `${missing.join(', ')} for ${updated.displayName || caller.employeeId} (${source})`);
    },

    /** Whether anyone is admin yet; the tab explains BOOTSTRAP_ADMIN_UPNS and the app roles when not. */
    async hasAdmin(): Promise<boolean> {
      return (await deps.employees.listEveryone()).some(isAdmin);
    },

    async listPromoters(adminId: string) {
      await asAdmin(adminId);
      const [assignments, departments, staff] = await Promise.all([deps.staff.listPromoters(), deps.departments.list(), deps.staff.listStaff()]);
      const byDepartment = new Map(assignments.map((assignment) => [assignment.departmentId, assignment]));
      const byNumber = new Map(staff.map((record) => [record.staffNumber, record]));
      const departmentOf = departmentResolver(departments);
      return departments
        .map((department) => {
          const assignment = byDepartment.get(department.id);
          const record = assignment && byNumber.get(assignment.staffNumber);
          const candidates = staff
            .filter((member) => member.status === 'active' && departmentOf(member) === department.id)
            .map((member) => ({ staffNumber: member.staffNumber, name: member.name }));
          return { department, promoter: record ? { staffNumber: record.staffNumber, name: record.name } : null, candidates };
        })
        .sort((a, b) => a.department.name.localeCompare(b.department.name, 'ja'));
    },

    /** Makes a member of the 課 its DX推進委員 (staffNumber) or leaves the 課 without one (undefined). */
    async assignPromoter(adminId: string, departmentId: string, staffNumber: string | undefined): Promise<PromoterAssignment | undefined> {
      const admin = await asAdmin(adminId);
      const department = await deps.departments.get(departmentId);
      if (!department) throw new AppError('not-found', { detail: `no department ${departmentId}`, userMessage: { ja: '課が見つかりません。', en: 'Section not found.' } });
      const [staff, departments] = await Promise.all([deps.staff.listStaff(), deps.departments.list()]);
      const departmentOf = departmentResolver(departments);
      const chosen = staffNumber === undefined ? undefined : staff.find((record) => record.staffNumber === staffNumber);
      if (staffNumber !== undefined && (!chosen || chosen.status !== 'active' || departmentOf(chosen) !== departmentId)) {
        throw new AppError('invalid-input', {
          detail: `${staffNumber} is not active staff of ${departmentId}`,
          userMessage: { ja: 'DX推進委員には、その課に在籍する職員を選んでください。', en: 'Choose a member of staff of this section as DX promoter.' },
        });
      }
      const previous = await deps.staff.getPromoter(departmentId);
      if (previous?.staffNumber === staffNumber) return previous;
      const previousRecord = previous && staff.find((record) => record.staffNumber === previous.staffNumber);
      if (previousRecord?.employeeId) await deps.employees.update(previousRecord.employeeId, (employee) => withoutRole(employee!, 'promoter'));
      const assignment = chosen && { departmentId, staffNumber: chosen.staffNumber, assignedBy: admin.id, assignedAt: now().toISOString() };
      await deps.staff.setPromoter(departmentId, assignment);
      if (chosen?.employeeId) await deps.employees.update(chosen.employeeId, (employee) => withRole(employee!, 'promoter'));
      if (previousRecord) await audit(admin, 'promoter-unassigned', `${department.name}: ${previousRecord.name} (${previousRecord.staffNumber})`);
      if (chosen) await audit(admin, 'promoter-assigned', `${department.name}: ${chosen.name} (${chosen.staffNumber})`);
      return assignment;
    },

  };
}

export type DirectoryRoles = ReturnType<typeof createDirectoryRoles>;
