import { createHash } from 'node:crypto';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { RosterRow, StaffStatus } from './roster-rows.js';

/** A staff member as stored: HR's row plus the Teams identity it was linked to (by UPN) once that person appeared. */
export interface StaffRecord extends RosterRow {
  employeeId: string | undefined;
  updatedAt: string;
  /**
   * When a leaver left (YYYY-MM-DD): the effective date of the import that first marked them 退職 (or found them
   * missing). Trends by 年度 count them in the years they were staff and not after. Undefined while not a leaver,
   * and for leavers recorded before the date was kept.
   */
  leftOn?: string | undefined;
}

/** Where someone sits: the part of a row a transfer changes. */
export interface Placement {
  division: string;
  section: string;
  jobLevel: JobLevel;
}

/** One transfer (異動 or 昇任): old and new placement from the effective date on. */
export interface TransferRecord {
  staffNumber: string;
  name: string;
  from: Placement;
  to: Placement;
  effectiveDate: string;
  importId: string;
}

export interface RosterChange {
  before: StaffRecord;
  after: StaffRecord;
}

/** What applying a file would do. Rows not mentioned in a bucket are not written. */
export interface RosterPlan {
  added: StaffRecord[];
  /** Name, e-mail or 休職/在籍 changed, or a leaver came back; placement unchanged. */
  changed: RosterChange[];
  /** 部, 課 or 職層 changed (other fields may have changed too). */
  transferred: RosterChange[];
  /** Active or on leave before; absent from the file or marked 退職 now. */
  deactivated: RosterChange[];
  unchanged: number;
  transfers: TransferRecord[];
}

/** The department id of a 課: stable for the same 部 and 課 names, safe in URLs and table keys. */
export function departmentIdOf(division: string, section: string): string {
  return `ka-${createHash('sha256').update(`${division}\u0000${section}`).digest('hex').slice(0, 16)}`;
}

/**
 * The department id of a roster row: a department already named `部 課` keeps its id (departments made before the
 * roster, with their survey and news history), a new 課 gets departmentIdOf.
 */
export function departmentResolver(existing: readonly { id: string; name: string }[]): (row: Pick<RosterRow, 'division' | 'section'>) => string {
  const byName = new Map(existing.map((department) => [department.name, department.id]));
  return (row) => byName.get(departmentNameOf(row)) ?? departmentIdOf(row.division, row.section);
}

export const departmentNameOf = (row: Pick<RosterRow, 'division' | 'section'>) => `${row.division} ${row.section}`;

const placementOf = (row: RosterRow): Placement => ({ division: row.division, section: row.section, jobLevel: row.jobLevel });
const samePlacement = (a: RosterRow, b: RosterRow) => a.division === b.division && a.section === b.section && a.jobLevel === b.jobLevel;
const sameRow = (a: RosterRow, b: RosterRow) => samePlacement(a, b) && a.name === b.name && a.upn === b.upn && a.status === b.status;
const counted = (status: StaffStatus) => status !== 'left';

/**
 * Compares HR's file with what is stored. People absent from the file are deactivated (status 退職), never
 * removed: their trainings, exam passes and tickets stay for 人材データ. Applying the same file twice plans nothing.
 */
export function planRosterImport(
  stored: readonly StaffRecord[],
  file: readonly RosterRow[],
  options: { effectiveDate: string; importId: string; at: string },
): RosterPlan {
  const plan: RosterPlan = { added: [], changed: [], transferred: [], deactivated: [], unchanged: 0, transfers: [] };
  const current = new Map(stored.map((record) => [record.staffNumber, record]));
  const inFile = new Set<string>();
  for (const row of file) {
    inFile.add(row.staffNumber);
    const before = current.get(row.staffNumber);
    if (!before) {
      plan.added.push({ ...row, employeeId: undefined, updatedAt: options.at });
      continue;
    }
    if (sameRow(before, row)) {
      plan.unchanged++;
      continue;
    }
    // A leaver keeps the date they left; one who comes back loses it.
    const leftOn = counted(row.status) ? undefined : counted(before.status) ? options.effectiveDate : before.leftOn;
    const after: StaffRecord = { ...row, employeeId: before.employeeId, updatedAt: options.at, leftOn };
    if (counted(before.status) && !counted(row.status)) plan.deactivated.push({ before, after });
    else if (!samePlacement(before, row)) plan.transferred.push({ before, after });
    else plan.changed.push({ before, after });
    if (!samePlacement(before, row)) {
      plan.transfers.push({ staffNumber: row.staffNumber, name: row.name, from: placementOf(before), to: placementOf(row), effectiveDate: options.effectiveDate, importId: options.importId });
    }
  }
  for (const before of stored) {
    if (inFile.has(before.staffNumber) || !counted(before.status)) continue;
    plan.deactivated.push({ before, after: { ...before, status: 'left', updatedAt: options.at, leftOn: options.effectiveDate } });
  }
  return plan;
}

/** The records an apply writes, in one list. */
export function recordsToWrite(plan: RosterPlan): StaffRecord[] {
  return [...plan.added, ...[...plan.changed, ...plan.transferred, ...plan.deactivated].map((change) => change.after)];
}
