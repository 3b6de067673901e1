import type { Department, Employee } from '../../../kernel/domain/employee.js';
import { JST_OFFSET_MS } from '../../../kernel/domain/jst.js';
import { levelDistribution, type SkillDistribution } from './skill-distribution.js';
import { levelsFromTicks, type SkillLevels } from './skill-levels.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../kernel/domain/jst.js';
import type { SkillAssessmentChange } from './skills-ports.js';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import { targetShares, type StepUpTarget, type TargetShare } from './step-up-targets.js';

/** A transfer as the directory recorded it: the 課 (department id) before and after, from the effective date on. */
export interface PlacementChange {
  fromDepartmentId: string;
  toDepartmentId: string;
  /** The 職層 before and after (a 昇任 is a transfer too); absent in older callers' data. */
  fromJobLevel?: JobLevel | undefined;
  toJobLevel?: JobLevel | undefined;
  /** YYYY-MM-DD (JST). */
  effectiveDate: string;
}

export interface PersonOverTime {
  employee: Employee;
  transfers: readonly PlacementChange[];
  history: readonly SkillAssessmentChange[];
  /** A leaver's leaving date (YYYY-MM-DD, JST), from the directory: counted in the years before it only. */
  leftOn?: string | undefined;
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
  const day = jstDay(at);
  const ordered = [...person.transfers].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const last = ordered.filter((transfer) => transfer.effectiveDate <= day).at(-1);
  if (last) return last.toDepartmentId;
  return ordered[0]?.fromDepartmentId ?? person.employee.departmentId;
}

const jstDay = (at: Date) => new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

/** The 職層 a person held at `at`, by the same rule as departmentAt. */
export function jobLevelAt(person: Pick<PersonOverTime, 'employee' | 'transfers'>, at: Date): JobLevel | undefined {
  const day = jstDay(at);
  const ordered = [...person.transfers].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const last = ordered.filter((transfer) => transfer.effectiveDate <= day).at(-1);
  if (last) return last.toJobLevel ?? person.employee.jobLevel;
  return ordered[0]?.fromJobLevel ?? person.employee.jobLevel;
}

/** Whether the person was staff at `at`: a leaver is, up to the day before they left. */
export function wasStaffAt(person: Pick<PersonOverTime, 'leftOn'>, at: Date): boolean {
  return person.leftOn === undefined || person.leftOn > jstDay(at);
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
  /** Everyone counted that year, whichever 課 (people in no known 課 included). */
  ward: SkillDistribution;
  wardTargets: TargetShare[];
  departments: { department: Department; distribution: SkillDistribution; targets: TargetShare[] }[];
}

/**
 * Per 年度 (up to the current one, from `firstYear`), the ward's and each 課's distribution at the end of that year,
 * counting each person in the 課 and 職層 they held then, and only while they were staff (a leaver counts in the
 * years before they left). An April transfer therefore moves a person's levels to the new 課 from the new 年度 on,
 * and the old 課's past years stay as they were. Groups under five stay hidden, and so do target shares of a 職層
 * under five. The share at or above each step-up target is computed for every year shown.
 */
export function departmentTrends(input: {
  people: readonly PersonOverTime[];
  departments: readonly Department[];
  firstYear: number;
  now: Date;
  targets?: readonly StepUpTarget[];
}): DepartmentTrendYear[] {
  const years: DepartmentTrendYear[] = [];
  const targets = input.targets ?? [];
  for (let year = input.firstYear; year <= fiscalYearOf(input.now); year++) {
    const at = year === fiscalYearOf(input.now) ? input.now : fiscalYearEnd(year);
    const everyone: { jobLevel: JobLevel | undefined; levels: SkillLevels }[] = [];
    const byDepartment = new Map<string, { jobLevel: JobLevel | undefined; levels: SkillLevels }[]>();
    for (const person of input.people) {
      if (!wasStaffAt(person, at)) continue;
      const member = { jobLevel: jobLevelAt(person, at), levels: levelsAt(person.history, at) };
      everyone.push(member);
      const departmentId = departmentAt(person, at);
      if (!departmentId) continue;
      const group = byDepartment.get(departmentId) ?? [];
      group.push(member);
      byDepartment.set(departmentId, group);
    }
    years.push({
      fiscalYear: year,
      ward: levelDistribution(everyone.map((member) => member.levels)),
      wardTargets: targetShares(targets, everyone),
      departments: input.departments.map((department) => {
        const group = byDepartment.get(department.id) ?? [];
        return { department, distribution: levelDistribution(group.map((member) => member.levels)), targets: targetShares(targets, group) };
      }),
    });
  }
  return years;
}
