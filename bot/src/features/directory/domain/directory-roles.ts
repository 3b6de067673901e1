import { adminCheck, isAdmin } from '../../../kernel/domain/access.js';
import { unregisteredEmployee, type Employee, type Role } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { DirectoryAuditEntry, DirectoryAuditRepository, PromoterAssignment, StaffDirectoryRepository } from './directory-ports.js';
import { departmentResolver } from './roster-diff.js';

/** The Entra app roles (aad.manifest.json appRoles) and the app role each one gives. */
export const APP_ROLES: Readonly<Record<string, Role>> = { 'DXNavi.Admin': 'admin', 'DXNavi.Promoter': 'promoter' };

/** How long "an admin exists" is believed without a new scan (see hasAdmin). */
export const ADMIN_SEEN_TTL_MS = 10_000;

const ROLE_NAMES: Readonly<Record<Role, { ja: string; en: string }>> = {
  employee: { ja: '職員', en: 'employee' },
  admin: { ja: '管理者(デジタル推進課)', en: 'admin' },
  promoter: { ja: 'DX推進委員', en: 'DX promoter' },
};

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
  let adminSeenUntil = 0;
  const audit = (actor: { id: string; displayName: string }, action: Exclude<DirectoryAuditEntry['action'], 'roster-import'>, detail: { ja: string; en: string }) =>
    deps.audit.append({ at: now().toISOString(), actorId: actor.id, actorName: actor.displayName, action, detail: detail.ja, detailEn: detail.en });
  const roleNames = (roles: readonly Role[]) => ({ ja: roles.map((role) => ROLE_NAMES[role].ja).join('・'), en: roles.map((role) => ROLE_NAMES[role].en).join(', ') });
  /** A DX推進委員 an admin assigned in the tab keeps the role whatever Entra says. */
  const assignedPromoter = async (employee: Employee) =>
    employee.staffNumber !== undefined && (await deps.staff.listPromoters()).some((assignment) => assignment.staffNumber === employee.staffNumber);

  return {
    /**
     * At the tab's load: grants what the token's app roles (or BOOTSTRAP_ADMIN_UPNS) say and the stored record
     * lacks, and takes back a role an earlier token gave that this one no longer carries (Entra removed the
     * assignment) — never a BOOTSTRAP_ADMIN_UPNS admin's, never a DX推進委員 assigned in the tab. Writes only on a
     * change, so an ordinary load writes nothing (and reads nothing when `loaded` is the record just read).
     */
    async applySignInRoles(caller: SignedInCaller, loaded?: { employee: Employee | undefined }): Promise<void> {
      const claimed = [...new Set(caller.roles.flatMap((claim) => (Object.hasOwn(APP_ROLES, claim) ? [APP_ROLES[claim]!] : [])))];
      const bootstrap = caller.upn !== undefined && deps.bootstrapAdminUpns.includes(caller.upn);
      const current = loaded ? loaded.employee : await deps.employees.get(caller.employeeId);
      const previouslyClaimed = current?.tokenRoles ?? [];
      if (claimed.length === 0 && !bootstrap && previouslyClaimed.length === 0) return;

      const granted = new Set<Role>(claimed);
      if (bootstrap) granted.add('admin');
      const missing = [...granted].filter((role) => !current?.roles.includes(role));
      const lapsed: Role[] = [];
      for (const role of previouslyClaimed) {
        if (claimed.includes(role) || !current?.roles.includes(role)) continue;
        if (role === 'admin' && bootstrap) continue;
        if (role === 'promoter' && (await assignedPromoter(current))) continue;
        lapsed.push(role);
      }
      const sameClaims = claimed.length === previouslyClaimed.length && claimed.every((role) => previouslyClaimed.includes(role));
      if (missing.length > 0 || lapsed.length > 0 || !sameClaims) {
        const updated = await deps.employees.update(caller.employeeId, (employee) => ({
          ...lapsed.reduce(
            withoutRole,
            missing.reduce(
              withRole,
              employee ?? unregisteredEmployee(caller.employeeId, { displayName: caller.name ?? '', email: caller.upn }),
            ),
          ),
          tokenRoles: claimed,
        }));
        const who = updated.displayName || caller.employeeId;
        if (missing.length > 0) {
          const fromBootstrap = bootstrap && !caller.roles.includes('DXNavi.Admin');
          const names = roleNames(missing);
          await audit(updated, 'role-granted', {
            ja: `${who} に ${names.ja} を付与(${fromBootstrap ? 'BOOTSTRAP_ADMIN_UPNS' : 'Entra アプリロール'})`,
            en: `${names.en} for ${who} (${fromBootstrap ? 'BOOTSTRAP_ADMIN_UPNS' : 'Entra app role'})`,
          });
        }
        if (lapsed.length > 0) {
          const names = roleNames(lapsed);
          await audit(updated, 'role-revoked', {
            ja: `${who} の ${names.ja} を取消(Entra アプリロールの割り当てがなくなりました)`,
            en: `${names.en} taken from ${who} (the Entra app role is no longer assigned)`,
          });
        }
      }
    },

    /**
     * Whether anyone is admin yet; the tab explains BOOTSTRAP_ADMIN_UPNS and the app roles when not. Every tab load
     * asks and the answer needs a scan of everyone, so a "yes" is remembered for ADMIN_SEEN_TTL_MS: one scan per
     * instance in that time however many people open the tab. A "no" (first run only) is never remembered.
     */
    async hasAdmin(): Promise<boolean> {
      if (adminSeenUntil > now().getTime()) return true;
      const seen = (await deps.employees.listEveryone()).some(isAdmin);
      if (seen) adminSeenUntil = now().getTime() + ADMIN_SEEN_TTL_MS;
      return seen;
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
      if (previousRecord) {
        const text = `${department.name}: ${previousRecord.name} (${previousRecord.staffNumber})`;
        await audit(admin, 'promoter-unassigned', { ja: text, en: text });
      }
      if (chosen) {
        const text = `${department.name}: ${chosen.name} (${chosen.staffNumber})`;
        await audit(admin, 'promoter-assigned', { ja: text, en: text });
      }
      return assignment;
    },

  };
}

export type DirectoryRoles = ReturnType<typeof createDirectoryRoles>;
