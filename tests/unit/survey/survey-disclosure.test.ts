import { describe, expect, it } from 'vitest';
import { JOB_LEVELS, type JobLevel } from '../../../bot/src/kernel/domain/catalog/job-levels.js';
import { aggregateSurveyRound, type AnonymousSurveyResponse, type SurveyRoundResults } from '../../../bot/src/features/survey/domain/survey-results.js';
import { audienceCounts, bureauOf, reportableGroups, snapshotDue } from '../../../bot/src/features/survey/domain/survey-disclosure.js';

const pulse = { id: 'pulse', kind: 'pulse' as const, fiscalYear: 2026, questionIds: ['01'] };

/** Respondents by (department, job level, how many, their answer to 01). */
function population(cells: [department: string, jobLevel: JobLevel, count: number, answer: number][]): AnonymousSurveyResponse[] {
  return cells.flatMap(([departmentId, jobLevel, count, answer]) =>
    Array.from({ length: count }, () => ({ answers: { '01': answer }, departmentId, jobLevel, submittedOn: '2026-06-01' })),
  );
}

/** What an admin can add up from the published results: n and the sum of answers of every shown group and the total. */
function publishedSums(results: SurveyRoundResults) {
  const sum = (n: number | undefined, mean: number | undefined) => (n === undefined || mean === undefined ? undefined : Math.round(n * mean));
  const groups = new Map<string, { n: number; sum: number }>();
  for (const breakdown of [results.byDepartment, results.byJobLevel]) {
    for (const group of breakdown.groups) groups.set(`${breakdown.dimension}:${group.groupId}`, { n: group.respondents, sum: sum(group.respondents, group.means['01'])! });
  }
  const overall = results.questions[0]!;
  return { total: { n: overall.n, sum: sum(overall.n, overall.mean) }, groups };
}

/**
 * Exact rank test with fractions: whether `target` is a combination of `vectors`, i.e. whether any sum or
 * difference of the published figures yields the target group's figures. Independent of the code under test.
 */
function recoverable(vectors: number[][], target: number[]): boolean {
  const rank = (rows: number[][]) => {
    const matrix = rows.map((row) => [...row]);
    let r = 0;
    for (let column = 0; column < (matrix[0]?.length ?? 0) && r < matrix.length; column++) {
      const pivot = matrix.findIndex((row, index) => index >= r && row[column] !== 0);
      if (pivot < 0) continue;
      [matrix[r], matrix[pivot]] = [matrix[pivot]!, matrix[r]!];
      for (let index = 0; index < matrix.length; index++) {
        if (index === r || matrix[index]![column] === 0) continue;
        const factor = matrix[index]![column]! / matrix[r]![column]!;
        matrix[index] = matrix[index]!.map((value, c) => value - factor * matrix[r]![c]!);
      }
      r++;
    }
    return matrix.filter((row) => row.some((value) => Math.abs(value) > 1e-9)).length;
  };
  return rank([...vectors, target]) === rank(vectors);
}

/** The published groups and the hidden groups and small cells as 0/1 vectors over the population's cells. */
function exposure(responses: AnonymousSurveyResponse[], results: SurveyRoundResults) {
  const cellKeys = [...new Set(responses.map((response) => `${response.departmentId}|${response.jobLevel}`))];
  const cellSize = (key: string) => responses.filter((response) => `${response.departmentId}|${response.jobLevel}` === key).length;
  const vector = (member: (department: string, jobLevel: string) => boolean) => cellKeys.map((key) => (member(...(key.split('|') as [string, string])) ? 1 : 0));
  const shownDepartments = new Set(results.byDepartment.groups.map((group) => group.groupId));
  const shownJobLevels = new Set(results.byJobLevel.groups.map((group) => group.groupId));
  // The overall figures are published only from five respondents on.
  const published = [
    ...(results.questions[0]!.mean === undefined ? [] : [vector(() => true)]),
    ...[...shownDepartments].map((id) => vector((department) => department === id)),
    ...[...shownJobLevels].map((id) => vector((_, jobLevel) => jobLevel === id)),
  ];
  const hiddenTargets = [
    ...[...new Set(responses.map((response) => response.departmentId!))].filter((id) => !shownDepartments.has(id)).map((id) => ({ name: `department ${id}`, vector: vector((department) => department === id) })),
    ...[...new Set(responses.map((response) => response.jobLevel!))].filter((id) => !shownJobLevels.has(id)).map((id) => ({ name: `job level ${id}`, vector: vector((_, jobLevel) => jobLevel === id) })),
    ...cellKeys.filter((key) => cellSize(key) < 5).map((key) => ({ name: `cell ${key}`, vector: vector((department, jobLevel) => `${department}|${jobLevel}` === key) })),
  ];
  return hiddenTargets.filter((target) => recoverable(published, target.vector)).map((target) => target.name);
}

describe('attack 4: subtraction across department, job level and department × job level', () => {
  // 課B has two managers. Every group is 5 or more except managers (4) and chiefs (4), hidden together.
  const leaky = population([
    ['A', 'general', 20, 3],
    ['B', 'general', 9, 3],
    ['B', 'manager', 2, 1],
    ['C', 'chief', 4, 4],
    ['C', 'manager', 2, 5],
  ]);

  it('when B minus (general minus A) would isolate B’s two managers, then one of those groups is hidden and the subtraction cannot be made', () => {
    const results = aggregateSurveyRound(pulse, leaky, 100);
    const { groups } = publishedSums(results);
    const needed = ['department:B', 'job-level:general', 'department:A'];
    expect(needed.every((key) => groups.has(key))).toBe(false);
    expect(exposure(leaky, results)).toEqual([]);
  });

  it('when groups are hidden, then they are not listed by id, and the breakdown says only that some are hidden', () => {
    const results = aggregateSurveyRound(pulse, leaky, 100);
    const text = JSON.stringify(results);
    expect(text).not.toContain('"manager"');
    expect(text).not.toContain('"chief"');
    expect(results.byJobLevel.someHidden).toBe(true);
    expect(results.byJobLevel.groups.every((group) => (group.respondents ?? 0) >= 5)).toBe(true);
  });

  it('when 200 random ward populations are published, then no hidden group and no cell under five can be recovered by any sum or difference', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    let hiddenSomewhere = 0;
    for (let run = 0; run < 200; run++) {
      const departments = 2 + Math.floor(random() * 6);
      const cells: [string, JobLevel, number, number][] = [];
      for (let department = 0; department < departments; department++) {
        for (const jobLevel of JOB_LEVELS) {
          const size = Math.floor(random() ** 2 * 12);
          if (size > 0) cells.push([`d${department}`, jobLevel, size, 1 + Math.floor(random() * 5)]);
        }
      }
      const responses = population(cells);
      if (responses.length === 0) continue;
      const results = aggregateSurveyRound(pulse, responses, 500);
      if (results.byDepartment.someHidden || results.byJobLevel.someHidden) hiddenSomewhere += 1;
      expect(exposure(responses, results), `population ${JSON.stringify(cells)}`).toEqual([]);
      // What is shown is exact: the figures of each shown group are its members' own.
      for (const group of results.byDepartment.groups) {
        const members = responses.filter((response) => response.departmentId === group.groupId);
        expect(group.respondents).toBe(members.length);
      }
    }
    // The populations really exercised suppression.
    expect(hiddenSomewhere).toBeGreaterThan(100);
  });
});

describe('attack 4: subtraction across two snapshots of a running round', () => {
  it('when two snapshots are compared, then they carry no group to subtract and differ by at least five answers', () => {
    const first = population([['A', 'general', 6, 3]]);
    const second = [...first, ...population([['B', 'manager', 1, 1]])];
    const snapshot = (responses: AnonymousSurveyResponse[]) => aggregateSurveyRound(pulse, responses, 50, { breakdowns: false });
    expect(snapshot(first).byDepartment).toEqual({ dimension: 'department', groups: [], someHidden: false, withheld: true });
    expect(snapshot(second).byJobLevel.groups).toEqual([]);
    // One new answer is not enough for a new snapshot; five are, and never twice on one day.
    expect(snapshotDue({ takenOn: '2026-06-01', respondents: 6 }, 7, '2026-06-02')).toBe(false);
    expect(snapshotDue({ takenOn: '2026-06-01', respondents: 6 }, 11, '2026-06-02')).toBe(true);
    expect(snapshotDue({ takenOn: '2026-06-02', respondents: 6 }, 20, '2026-06-02')).toBe(false);
    expect(snapshotDue(undefined, 4, '2026-06-02')).toBe(false);
    expect(snapshotDue(undefined, 5, '2026-06-02')).toBe(true);
  });
});

describe('what an answer sheet may carry', () => {
  const departments = [
    { id: 'registry', name: '地域振興部 戸籍住民課' },
    { id: 'culture', name: '地域振興部 文化観光課' },
    { id: 'digital', name: '企画経営部 デジタル推進課' },
  ];
  // 戸籍住民課: 8 general, 1 manager; 文化観光課: 6 general, 4 manager; デジタル推進課: 3 chief.
  const audience = [
    ...Array.from({ length: 8 }, () => ({ departmentId: 'registry', jobLevel: 'general' as const })),
    { departmentId: 'registry', jobLevel: 'manager' as const },
    ...Array.from({ length: 6 }, () => ({ departmentId: 'culture', jobLevel: 'general' as const })),
    ...Array.from({ length: 4 }, () => ({ departmentId: 'culture', jobLevel: 'manager' as const })),
    ...Array.from({ length: 3 }, () => ({ departmentId: 'digital', jobLevel: 'chief' as const })),
  ];
  const counts = audienceCounts(audience, departments);

  it('when 課 and job level together hold five or more of the audience, then the sheet carries both', () => {
    expect(reportableGroups({ departmentId: 'registry', jobLevel: 'general' }, counts, departments)).toEqual({ departmentId: 'registry', jobLevel: 'general' });
  });

  it('when a 課 has a single 管理職, then their sheet carries the 部 and the job level instead', () => {
    expect(bureauOf(departments[0])).toBe('地域振興部');
    expect(reportableGroups({ departmentId: 'registry', jobLevel: 'manager' }, counts, departments)).toEqual({ departmentId: '部:地域振興部', jobLevel: 'manager' });
  });

  it('when neither the 課, its 部 nor the job level holds five people, then the sheet carries no group at all', () => {
    expect(reportableGroups({ departmentId: 'digital', jobLevel: 'chief' }, counts, departments)).toEqual({ departmentId: undefined, jobLevel: undefined });
  });
});
