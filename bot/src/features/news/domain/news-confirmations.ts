import type { Department, Employee } from '../../../kernel/domain/employee.js';
import { countsAsStaff } from '../../../kernel/domain/employee.js';
import { isInNewsAudience, type NewsItem } from './news-items.js';

/**
 * 「確認しました」 on an important news item (issue 19): one record per person per item, written once (a second press
 * changes nothing), so no row is shared by the many people who press at once.
 */
export interface NewsConfirmation {
  newsId: string;
  employeeId: string;
  /** ISO instant of the first press. */
  confirmedAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an item asks for confirmation and was sent to its audience (drafts and digest-only items are not). */
export const asksForConfirmation = (item: NewsItem | undefined): item is NewsItem & { confirmation: NonNullable<NewsItem['confirmation']> } =>
  item !== undefined && item.confirmation !== undefined;

/** The people an item asks to confirm: staff who count (no leavers, people on leave or unregistered identities) in its audience. */
export function confirmationAudience(item: NewsItem, employees: readonly Employee[]): Employee[] {
  return employees.filter((employee) => countsAsStaff(employee) && isInNewsAudience(item.audience, employee));
}

/** When the one follow-up reminder is due: `followUpDays` whole days after the item was sent; undefined when none is. */
export function followUpDueAt(item: NewsItem): Date | undefined {
  if (!item.confirmation || item.state !== 'published' || !item.publishedAt) return undefined;
  return new Date(new Date(item.publishedAt).getTime() + item.confirmation.followUpDays * DAY_MS);
}

export interface DepartmentConfirmationRow {
  departmentId: string;
  departmentName: string;
  total: number;
  confirmed: number;
  notYet: number;
  /** Admins only: who has and has not confirmed, by display name. */
  confirmedNames?: string[];
  notYetNames?: string[];
}

export interface ConfirmationReport {
  newsId: string;
  title: string;
  publishedAt: string | undefined;
  followUpDays: number;
  total: number;
  confirmed: number;
  notYet: number;
  departments: DepartmentConfirmationRow[];
}

/**
 * Confirmed / not yet per department among the item's audience. Counts for everyone allowed to see the report;
 * names only when `withNames` (admins). Confirmations by people no longer in the audience (left, transferred out)
 * are not counted, so a department never shows more confirmed than it has people.
 */
export function confirmationReport(
  item: NewsItem & { confirmation: NonNullable<NewsItem['confirmation']> },
  context: { employees: readonly Employee[]; confirmations: readonly NewsConfirmation[]; departments: readonly Department[]; withNames: boolean; onlyDepartmentId?: string | undefined },
): ConfirmationReport {
  const confirmedIds = new Set(context.confirmations.map((confirmation) => confirmation.employeeId));
  const names = new Map(context.departments.map((department) => [department.id, department.name]));
  const groups = new Map<string, DepartmentConfirmationRow>();
  const audience = confirmationAudience(item, context.employees).filter((employee) => !context.onlyDepartmentId || employee.departmentId === context.onlyDepartmentId);
  for (const employee of audience) {
    const departmentId = employee.departmentId ?? '';
    let row = groups.get(departmentId);
    if (!row) {
      row = { departmentId, departmentName: names.get(departmentId) ?? (departmentId || '所属なし'), total: 0, confirmed: 0, notYet: 0, ...(context.withNames ? { confirmedNames: [], notYetNames: [] } : {}) };
      groups.set(departmentId, row);
    }
    row.total++;
    const done = confirmedIds.has(employee.id);
    if (done) row.confirmed++;
    else row.notYet++;
    if (context.withNames) (done ? row.confirmedNames : row.notYetNames)?.push(employee.displayName);
  }
  const departments = [...groups.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'ja'));
  for (const row of departments) {
    row.confirmedNames?.sort((a, b) => a.localeCompare(b, 'ja'));
    row.notYetNames?.sort((a, b) => a.localeCompare(b, 'ja'));
  }
  const confirmed = departments.reduce((sum, row) => sum + row.confirmed, 0);
  const total = departments.reduce((sum, row) => sum + row.total, 0);
  return { newsId: item.id, title: item.title, publishedAt: item.publishedAt, followUpDays: item.confirmation.followUpDays, total, confirmed, notYet: total - confirmed, departments };
}
