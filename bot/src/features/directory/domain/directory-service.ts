import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { adminCheck } from '../../../kernel/domain/access.js';
import { unregisteredEmployee, type Employee } from '../../../kernel/domain/employee.js';
import { jstDate } from '../../../kernel/domain/jst.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { DirectoryAuditRepository, StaffDirectoryRepository } from './directory-ports.js';
import { fileProblemMessage } from './directory-errors.js';
import { decodeRosterFile, type RosterEncoding } from './roster-file.js';
import { departmentNameOf, departmentResolver, planRosterImport, recordsToWrite, type RosterPlan, type StaffRecord } from './roster-diff.js';
import { parseRosterText, type RosterLineError } from './roster-rows.js';

export interface RosterImportResult {
  dryRun: boolean;
  encoding: RosterEncoding | undefined;
  effectiveDate: string;
  plan: RosterPlan | undefined;
  errors: RosterLineError[];
  /** Table rows the apply wrote (0 for a preview or a file with errors). */
  rowsWritten: number;
}

/** The employee record of an identity linked to a roster row: HR's name, placement and status win. */
export function employeeWithStaffRecord(employee: Employee, record: StaffRecord, departmentId: string): Employee {
  return {
    ...employee,
    displayName: record.name,
    email: record.upn,
    departmentId,
    jobLevel: record.jobLevel,
    staffNumber: record.staffNumber,
    directoryStatus: record.status,
  };
}

const fileError = (message: LocalizedText): RosterLineError[] => [{ line: 1, column: undefined, message }];

export function createDirectoryService(deps: {
  staff: StaffDirectoryRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  audit: DirectoryAuditRepository;
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();
  const isAdmin = adminCheck(deps.employees);

  /** Creates the 課 the records name that are not departments yet; answers the resolver and how many it wrote. */
  async function ensureDepartments(records: readonly StaffRecord[]): Promise<{ departmentOf: (record: StaffRecord) => string; written: number }> {
    const existing = await deps.departments.list();
    const departmentOf = departmentResolver(existing);
    const known = new Set(existing.map((department) => department.id));
    const missing = new Map<string, string>();
    for (const record of records) {
      const id = departmentOf(record);
      if (!known.has(id)) missing.set(id, departmentNameOf(record));
    }
    for (const [id, name] of missing) await deps.departments.save({ id, name });
    return { departmentOf, written: missing.size };
  }

  return {
    /**
     * Previews (dryRun) or applies HR's roster file. A file with any error applies nothing and lists every bad line;
     * a good file writes only the rows that change, so the same file twice writes nothing the second time.
     */
    async importRoster(adminId: string, file: Uint8Array, options: { dryRun: boolean; effectiveDate?: string | undefined }): Promise<RosterImportResult> {
      const admin = await isAdmin(adminId);
      const at = now();
      const effectiveDate = options.effectiveDate ?? jstDate(at);
      const result: RosterImportResult = { dryRun: options.dryRun, encoding: undefined, effectiveDate, plan: undefined, errors: [], rowsWritten: 0 };
      const decoded = decodeRosterFile(file);
      if (!decoded.ok) return { ...result, errors: fileError(fileProblemMessage(decoded.problem)) };
      const parsed = parseRosterText(decoded.text);
      if (parsed.errors.length > 0) return { ...result, encoding: decoded.encoding, errors: parsed.errors };
      const stored = await deps.staff.listStaff();
      const plan = planRosterImport(stored, parsed.rows, { effectiveDate, importId: randomUUID(), at: at.toISOString() });
      if (options.dryRun) return { ...result, encoding: decoded.encoding, plan };

      const records = recordsToWrite(plan);
      const previousUpns = new Map(stored.map((record) => [record.staffNumber, record.upn]));
      const { departmentOf, written } = await ensureDepartments(records);
      let rowsWritten = written;
      rowsWritten += await deps.staff.write({ records, previousUpns, transfers: plan.transfers });
      for (const record of records) {
        if (!record.employeeId) continue;
        const employeeId = record.employeeId;
        await deps.employees.update(employeeId, (current) => employeeWithStaffRecord(current ?? unregisteredEmployee(employeeId), record, departmentOf(record)));
        rowsWritten++;
      }
      if (rowsWritten > 0) {
        await deps.audit.append({
          at: at.toISOString(),
          actorId: admin.id,
          actorName: admin.displayName,
          action: 'roster-import',
          detail: `追加 ${plan.added.length}、変更 ${plan.changed.length}、異動 ${plan.transferred.length}、退職扱い ${plan.deactivated.length}、変更なし ${plan.unchanged}(発令日 ${effectiveDate})`,
          detailEn: `added ${plan.added.length}, changed ${plan.changed.length}, transferred ${plan.transferred.length}, deactivated ${plan.deactivated.length}, unchanged ${plan.unchanged}; effective ${effectiveDate}`,
        });
        rowsWritten++;
      }
      return { ...result, encoding: decoded.encoding, plan, rowsWritten };
    },

    /**
     * Links a Teams identity to its roster row by UPN, once: an identity already linked is left alone (no write),
     * one with no roster row stays unregistered.
     */
    async linkIdentity(employeeId: string, upn: string | undefined): Promise<Employee | undefined> {
      const employee = await deps.employees.get(employeeId);
      if (employee?.staffNumber || !upn) return employee;
      const record = await deps.staff.findByUpn(upn.normalize('NFKC').trim().toLowerCase());
      if (!record) return employee;
      await deps.staff.link(record.staffNumber, employeeId);
      const departmentId = departmentResolver(await deps.departments.list())(record);
      // Someone an admin made their 課's DX推進委員 before they first signed in takes the role now.
      const assignment = await deps.staff.getPromoter(departmentId);
      const promoter = assignment?.staffNumber === record.staffNumber;
      return deps.employees.update(employeeId, (current) => {
        const linked = employeeWithStaffRecord(current ?? unregisteredEmployee(employeeId), { ...record, employeeId }, departmentId);
        return promoter && !linked.roles.includes('promoter') ? { ...linked, roles: [...linked.roles, 'promoter'] } : linked;
      });
    },

    async auditLog(adminId: string, limit = 200) {
      await isAdmin(adminId);
      return deps.audit.list(limit);
    },

    async transfersOf(adminId: string, staffNumber: string) {
      await isAdmin(adminId);
      return deps.staff.listTransfers(staffNumber);
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
