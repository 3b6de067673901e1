import { describe, expect, it } from 'vitest';
import { skillTimeline, fiscalYearOf } from '../../../bot/src/features/skills/domain/skill-timeline.js';
import type { SkillConfirmation } from '../../../bot/src/features/skills/domain/skill-confirmation.js';

const DATA_LV1 = ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3'];
const decision = (fields: Partial<SkillConfirmation>): SkillConfirmation => ({
  employeeId: 'e1',
  skillId: 'data-utilization',
  level: 1,
  status: 'confirmed',
  route: 'supervisor',
  departmentId: 'd1',
  requestedAt: '2025-05-01T00:00:00.000Z',
  decidedBy: 'm1',
  decidedByName: 'Manager',
  decidedAt: '2025-05-02T00:00:00.000Z',
  comment: undefined,
  ...fields,
});

describe('skill timeline', () => {
  it('when 31 March 23:30 JST and 1 April 00:30 JST are compared, then they fall in different 年度', () => {
    expect(fiscalYearOf(new Date('2026-03-31T14:30:00.000Z'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-03-31T15:30:00.000Z'))).toBe(2026);
  });

  it('when a level is reached, confirmed, dropped and reached again, then each change is an entry and only the confirmed one says who', () => {
    const timeline = skillTimeline(
      [
        { at: '2025-05-01T00:00:00.000Z', added: DATA_LV1, removed: [] },
        { at: '2025-09-01T00:00:00.000Z', added: [], removed: ['data-utilization.lv1.3'] },
        { at: '2026-06-01T00:00:00.000Z', added: ['data-utilization.lv1.3'], removed: [] },
      ],
      [decision({})],
      new Date('2027-05-01T00:00:00.000Z'),
    );
    const data = timeline.perSkill.find((skill) => skill.skillId === 'data-utilization')!.entries;
    expect(data.map((entry) => [entry.level, entry.at.slice(0, 10), entry.status, entry.decidedByName])).toEqual([
      [1, '2025-05-01', 'confirmed', 'Manager'],
      [0, '2025-09-01', 'self-assessed', undefined],
      [1, '2026-06-01', 'self-assessed', undefined],
    ]);
    expect(timeline.byFiscalYear.map((year) => [year.fiscalYear, year.levels['data-utilization']])).toEqual([
      [2025, 0],
      [2026, 1],
      [2027, 1],
    ]);
  });

  it('when there is no history, then the timeline is empty', () => {
    const timeline = skillTimeline([], [], new Date());
    expect(timeline.byFiscalYear).toEqual([]);
    expect(timeline.perSkill.every((skill) => skill.entries.length === 0)).toBe(true);
  });
});
