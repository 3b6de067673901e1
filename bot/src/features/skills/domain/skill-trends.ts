import type { Department, Employee } from '../../../kernel/domain/employee.js';
import { JST_OFFSET_MS } from '../../../kernel/domain/jst.js';
import { levelDistribution, type SkillDistribution } from './skill-distribution.js';
import { levelsFromTicks, type SkillLevels } from './skill-levels.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../kernel/domain/jst.js';
import type { SkillAssessmentChange } from './skills-ports.js';

/** A transfer as the directory recorded it: the 課 (department id) before and after, from the effective date on. */
export interface PlacementChange {
  fromDepartmentId: string;
  toDepartmentId: string;
  /** YYYY-MM-DD (JST). */
  effectiveDate: string;
}

export interface PersonOverTime {
  employee: Employee;
  transfers: readonly PlacementChange[];
  history: readonly SkillAssessmentChange[];
}

/** The last instant of a 年度 (31 March 23:59:59.999 JST of the next calendar year). */
export function fiscalYearEnd(fiscalYear: number): Date {
  return new Date(fiscalYearBounds(fiscalYear).end.getTime() - 1);
}

/**
 * The 課 a person belonged to at `at`: the destination of the last transfer effective by then; before their
 * first recorded transfer, where that transfer moved them from; with no transfers, where they are now.
 */
export function departmentAt(person: Pick<PersonOverTime, 'employee' | 'transfers'>, at: Date): string | undefined {
  const day = new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
  const ordered = [...person.transfers].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const last = ordered.filter((transfer) => transfer.effectiveDate <= day).at(-1);
  if (last) return last.toDepartmentId;
  return ordered[0]?.fromDepartmentId ?? person.employee.departmentId;
}

/** The levels the stored changes give at `at` (changes after it are ignored). */
export function levelsAt(history: readonly SkillAssessmentChange[], at: Date): SkillLevels {
  const ticked = new Set<string>();
  const until = at.toISOString();
  for (const change of [...history].sort((a, b) => a.at.localeCompare(b.at))) {
    if (change.at > until) break;
    for (const id of change.removed) ticked.delete(id);
    for (const id of change.added) ticked.add(id);
  }
  return levelsFromTicks(ticked);
}

export interface DepartmentTrendYear {
  fiscalYear: number;
  departments: { department: Department; distribution: SkillDistribution }[];
}

/**
 * Per 年度 (up to the current one, from `firstYear`), each 課's distribution at the end of that year, counting
 * each person in the 課 they belonged to then. An April transfer therefore moves a person's levels to the new 課
 * from the new 年度 on, and the old 課's past years stay as they were. Groups under five stay hidden.
 */
export function departmentTrends(input: { people: readonly PersonOverTime[]; departments: readonly Department[]; firstYear: number; now: Date }): DepartmentTrendYear[] {
  const years: DepartmentTrendYear[] = [];
  for (let year = input.firstYear; year <= fiscalYearOf(input.now); year++) {
    const at = year === fiscalYearOf(input.now) ? input.now : fiscalYearEnd(year);
    const byDepartment = new Map<string, SkillLevels[]>();
    for (const person of input.people) {
      const departmentId = departmentAt(person, at);
      if (!departmentId) continue;
      const group = byDepartment.get(departmentId) ?? [];
      group.push(levelsAt(person.history, at));
      byDepartment.set(departmentId, group);
    }
    years.push({
      fiscalYear: year,
      departments: input.departments.map((department) => ({ department, distribution: levelDistribution(byDepartment.get(department.id) ?? []) })),
    });
  }
  return years;
}
