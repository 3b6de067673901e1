import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { Department } from '../../../kernel/domain/employee.js';
import { JST_OFFSET_MS } from '../../../kernel/domain/jst.js';

/**
 * Statistical disclosure control for the survey: which groups a breakdown may show, which department and job
 * level an answer may carry at all, and when a running round may publish a new snapshot. Pure rules, no I/O.
 */

/** Groups (and whole results) with fewer respondents than this are never shown. */
export const MIN_GROUP_SIZE = 5;
/** A snapshot of a running round is published only when this many answers arrived since the last one. */
export const MIN_NEW_ANSWERS_PER_SNAPSHOT = 5;
/** Answers wait (sealed) until this many are pending for a round, or the day ends, before they are written. */
export const MIN_ANSWER_BATCH = 5;

/** 2026-06-01: the Japan-time day of an instant, the finest time an answer sheet carries. */
export function jstDay(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

const EPSILON = 1e-9;

/**
 * Whether a vector is a linear combination of the published ones: what subtraction (and any sum or difference
 * of published figures) can recover. Gaussian elimination in insertion order; vectors are 0/1 over cells.
 */
function spanOf(vectors: readonly number[][]): (vector: readonly number[]) => boolean {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (vector: readonly number[]) => {
    const rest = [...vector];
    for (const { pivot, row } of basis) {
      const factor = rest[pivot]!;
      if (Math.abs(factor) > EPSILON) for (let index = 0; index < rest.length; index++) rest[index]! -= factor * row[index]!;
    }
    return rest;
  };
  for (const vector of vectors) {
    const rest = reduce(vector);
    const pivot = rest.findIndex((value) => Math.abs(value) > EPSILON);
    if (pivot < 0) continue;
    const scale = rest[pivot]!;
    basis.push({ pivot, row: rest.map((value) => value / scale) });
  }
  return (vector) => reduce(vector).every((value) => Math.abs(value) <= EPSILON);
}

export type Dimension = 'department' | 'job-level';

/** A respondent's place in the two breakdowns; undefined is its own group (未登録). */
export interface GroupedRespondent {
  departmentId: string | undefined;
  jobLevel: JobLevel | undefined;
}

const UNREGISTERED = '\u0000unregistered';
const groupKey = (id: string | undefined) => id ?? UNREGISTERED;
const groupIdOf = (key: string) => (key === UNREGISTERED ? undefined : key);

export interface Suppression {
  /** Group ids shown per dimension (undefined = 未登録). Everything else is hidden and never named. */
  shown: Record<Dimension, Set<string | undefined>>;
  /** Whether any group of the dimension is hidden (said once, without naming or counting them). */
  someHidden: Record<Dimension, boolean>;
}

/**
 * Complementary suppression over both breakdowns at once. A group under `minGroupSize` is hidden; then, until
 * nothing small can be worked out, more groups are hidden (smallest first):
 * - in each dimension the hidden groups must number two or more and hold `minGroupSize` respondents between
 *   them, so "total minus the shown groups" is a blend, never one small group;
 * - across dimensions, no hidden group and no department × job-level cell under `minGroupSize` may be a linear
 *   combination of the published totals (overall, shown departments, shown job levels): that is every
 *   subtraction an admin can do with the two tables, including "department minus the job levels it lacks".
 * Fewer than `minGroupSize` respondents in all hide everything.
 */
export function suppressGroups(respondents: readonly GroupedRespondent[], minGroupSize = MIN_GROUP_SIZE): Suppression {
  const sizes: Record<Dimension, Map<string, number>> = { department: new Map(), 'job-level': new Map() };
  const cells = new Map<string, { department: string; jobLevel: string; size: number }>();
  for (const respondent of respondents) {
    const department = groupKey(respondent.departmentId);
    const jobLevel = groupKey(respondent.jobLevel);
    sizes.department.set(department, (sizes.department.get(department) ?? 0) + 1);
    sizes['job-level'].set(jobLevel, (sizes['job-level'].get(jobLevel) ?? 0) + 1);
    const cellKey = `${department}\u0001${jobLevel}`;
    const cell = cells.get(cellKey);
    if (cell) cell.size += 1;
    else cells.set(cellKey, { department, jobLevel, size: 1 });
  }
  const dimensions: Dimension[] = ['department', 'job-level'];
  const hidden: Record<Dimension, Set<string>> = { department: new Set(), 'job-level': new Set() };
  const everything = () => {
    for (const dimension of dimensions) for (const key of sizes[dimension].keys()) hidden[dimension].add(key);
  };
  if (respondents.length < minGroupSize) everything();
  for (const dimension of dimensions) {
    for (const [key, size] of sizes[dimension]) if (size < minGroupSize) hidden[dimension].add(key);
  }
  const cellList = [...cells.values()];
  const memberOf = (dimension: Dimension, key: string) =>
    cellList.map((cell) => ((dimension === 'department' ? cell.department : cell.jobLevel) === key ? 1 : 0));
  const smallestShown = (dimension: Dimension | undefined, among?: (dimension: Dimension, key: string) => boolean) => {
    let best: { dimension: Dimension; key: string; size: number } | undefined;
    for (const candidate of dimension ? [dimension] : dimensions) {
      for (const [key, size] of sizes[candidate]) {
        if (hidden[candidate].has(key) || (among && !among(candidate, key))) continue;
        if (!best || size < best.size || (size === best.size && key < best.key)) best = { dimension: candidate, key, size };
      }
    }
    return best;
  };
  const hide = (group: { dimension: Dimension; key: string } | undefined) => {
    if (!group) return false;
    hidden[group.dimension].add(group.key);
    return true;
  };

  for (;;) {
    let changed = false;
    for (const dimension of dimensions) {
      const hiddenKeys = [...hidden[dimension]];
      const hiddenTotal = hiddenKeys.reduce((total, key) => total + (sizes[dimension].get(key) ?? 0), 0);
      if (hiddenKeys.length > 0 && (hiddenKeys.length === 1 || hiddenTotal < minGroupSize) && hide(smallestShown(dimension))) changed = true;
    }
    if (changed) continue;
    const published = [cellList.map(() => 1)];
    for (const dimension of dimensions) {
      for (const key of sizes[dimension].keys()) if (!hidden[dimension].has(key)) published.push(memberOf(dimension, key));
    }
    const recoverable = spanOf(published);
    const exposedGroup = dimensions.flatMap((dimension) => [...hidden[dimension]].map((key) => ({ dimension, key }))).find(({ dimension, key }) => recoverable(memberOf(dimension, key)));
    if (exposedGroup) {
      // Hide the smallest shown group of the same dimension, or of the other one when that one has none left.
      if (hide(smallestShown(exposedGroup.dimension) ?? smallestShown(undefined))) continue;
      everything();
      break;
    }
    const exposedCell = cellList.findIndex((cell, index) => cell.size < minGroupSize && recoverable(cellList.map((_, other) => (other === index ? 1 : 0))));
    if (exposedCell >= 0) {
      const cell = cellList[exposedCell]!;
      const containing = (dimension: Dimension, key: string) => (dimension === 'department' ? cell.department : cell.jobLevel) === key;
      if (hide(smallestShown(undefined, containing) ?? smallestShown(undefined))) continue;
      everything();
      break;
    }
    break;
  }
  const result = (dimension: Dimension) => new Set([...sizes[dimension].keys()].filter((key) => !hidden[dimension].has(key)).map(groupIdOf));
  return {
    shown: { department: result('department'), 'job-level': result('job-level') },
    someHidden: { department: hidden.department.size > 0, 'job-level': hidden['job-level'].size > 0 },
  };
}

/** The 部 a 課 belongs to, from HR's name 「地域振興部 戸籍住民課」; undefined when the name has no 部. */
export function bureauOf(department: Pick<Department, 'name'> | undefined): string | undefined {
  const match = department?.name.trim().match(/^(\S+?部)[\s\u3000]+\S/u);
  return match ? match[1] : undefined;
}

/** The group id an answer carries for a 部 (not a 課 of HR's list). */
export const bureauGroupId = (bureau: string) => `部:${bureau}`;

/** How many of a round's audience fall in each 課, 部 and job level, and in each pair of them. */
export interface AudienceCounts {
  count(group: { departmentId?: string | undefined; jobLevel?: JobLevel | undefined }): number;
}

export function audienceCounts(audience: readonly GroupedRespondent[], departments: readonly Pick<Department, 'id' | 'name'>[]): AudienceCounts {
  const bureauIdOf = bureauIds(departments);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const member of audience) {
    const bureauId = member.departmentId === undefined ? undefined : bureauIdOf(member.departmentId);
    for (const department of new Set([member.departmentId, bureauId, undefined])) {
      add(`${department ?? ''}|`);
      if (member.jobLevel) add(`${department ?? ''}|${member.jobLevel}`);
    }
  }
  return { count: (group) => counts.get(`${group.departmentId ?? ''}|${group.jobLevel ?? ''}`) ?? 0 };
}

/** 課 id to the group id of its 部, for the 課 whose name names one. */
function bureauIds(departments: readonly Pick<Department, 'id' | 'name'>[]): (departmentId: string) => string | undefined {
  const byId = new Map(departments.map((department) => [department.id, department]));
  return (departmentId) => {
    const bureau = bureauOf(byId.get(departmentId));
    return bureau === undefined ? undefined : bureauGroupId(bureau);
  };
}

/**
 * The department and job level an answer sheet may carry: the finest pair whose audience holds at least
 * `minGroupSize` people, so no stored sheet points at fewer than that many colleagues. Tried in order:
 * 課 and job level, 部 and job level, job level alone, 課 alone, 部 alone, nothing.
 */
export function reportableGroups(
  respondent: GroupedRespondent,
  audience: AudienceCounts,
  departments: readonly Pick<Department, 'id' | 'name'>[],
  minGroupSize = MIN_GROUP_SIZE,
): GroupedRespondent {
  const department = respondent.departmentId;
  const bureauId = department === undefined ? undefined : bureauIds(departments)(department);
  const jobLevel = respondent.jobLevel;
  const candidates: GroupedRespondent[] = [
    { departmentId: department, jobLevel },
    { departmentId: bureauId, jobLevel },
    { departmentId: undefined, jobLevel },
    { departmentId: department, jobLevel: undefined },
    { departmentId: bureauId, jobLevel: undefined },
  ];
  const named = candidates.filter((candidate) => candidate.departmentId !== undefined || candidate.jobLevel !== undefined);
  return named.find((candidate) => audience.count(candidate) >= minGroupSize) ?? { departmentId: undefined, jobLevel: undefined };
}

export interface SnapshotMark {
  takenOn: string;
  respondents: number;
}

/**
 * Whether a running round may publish a new snapshot at `day`: at most one a day, and only when at least
 * MIN_NEW_ANSWERS_PER_SNAPSHOT answers arrived since the last one (the first needs that many in all), so the
 * difference between two snapshots is always a blend of several people.
 */
export function snapshotDue(last: SnapshotMark | undefined, respondents: number, day: string, minNew = MIN_NEW_ANSWERS_PER_SNAPSHOT): boolean {
  if (last && last.takenOn >= day) return false;
  return respondents - (last?.respondents ?? 0) >= minNew;
}
