import { describe, expect, it } from 'vitest';
import { planRosterImport, recordsToWrite, type StaffRecord } from '../../../bot/src/features/directory/domain/roster-diff.js';
import type { RosterRow } from '../../../bot/src/features/directory/domain/roster-rows.js';

const row = (staffNumber: string, overrides: Partial<RosterRow> = {}): RosterRow => ({
  staffNumber,
  name: `職員${staffNumber}`,
  division: '企画経営部',
  section: 'デジタル推進課',
  jobLevel: 'general',
  upn: `s${staffNumber}@x.jp`,
  status: 'active',
  ...overrides,
});
const stored = (r: RosterRow, employeeId?: string): StaffRecord => ({ ...r, employeeId, updatedAt: '2026-01-01T00:00:00.000Z' });
const options = { effectiveDate: '2026-04-01', importId: 'imp-1', at: '2026-03-20T00:00:00.000Z' };

describe('comparing HR\'s file with the stored roster', () => {
  it('when the same file is applied twice, then the second plan writes nothing', () => {
    const file = [row('1'), row('2', { jobLevel: 'manager' })];
    const first = planRosterImport([], file, options);
    expect(first.added).toHaveLength(2);
    const second = planRosterImport(recordsToWrite(first), file, options);
    expect(recordsToWrite(second)).toEqual([]);
    expect(second.unchanged).toBe(2);
  });

  it('when 課 or 職層 changes, then it is a transfer with old and new values and the chosen effective date', () => {
    const plan = planRosterImport([stored(row('1'), 'oid-1'), stored(row('2'))], [row('1', { section: '人事課', division: '総務部' }), row('2', { jobLevel: 'chief' })], options);
    expect(plan.transferred.map((change) => change.after.staffNumber)).toEqual(['1', '2']);
    expect(plan.transferred[0]!.after.employeeId).toBe('oid-1');
    expect(plan.transfers[0]).toEqual({
      staffNumber: '1',
      name: '職員1',
      from: { division: '企画経営部', section: 'デジタル推進課', jobLevel: 'general' },
      to: { division: '総務部', section: '人事課', jobLevel: 'general' },
      effectiveDate: '2026-04-01',
      importId: 'imp-1',
    });
  });

  it('when someone is absent from the file or marked 退職, then they are deactivated, not removed', () => {
    const plan = planRosterImport([stored(row('1')), stored(row('2')), stored(row('3'))], [row('1'), row('2', { status: 'left' })], options);
    expect(plan.deactivated.map((change) => [change.after.staffNumber, change.after.status])).toEqual([['2', 'left'], ['3', 'left']]);
    expect(plan.unchanged).toBe(1);
  });

  it('when a leaver stays absent in the next file, then nothing is written for them again', () => {
    const plan = planRosterImport([stored(row('1')), stored(row('3', { status: 'left' }))], [row('1')], options);
    expect(recordsToWrite(plan)).toEqual([]);
  });

  it('when only the name, e-mail or 休職 changes, then the row is changed but no transfer is recorded', () => {
    const plan = planRosterImport([stored(row('1')), stored(row('2'))], [row('1', { name: '新姓 花子' }), row('2', { status: 'on-leave' })], options);
    expect(plan.changed.map((change) => change.after.staffNumber)).toEqual(['1', '2']);
    expect(plan.transfers).toEqual([]);
  });

  it('when someone leaves (marked 退職 or absent from the file), then their record keeps the effective date as the day they left; a later file keeps that date, and coming back clears it', () => {
    const plan = planRosterImport([stored(row('1')), stored(row('2')), stored(row('3'))], [row('1'), row('2', { status: 'left' })], options);
    expect(plan.deactivated.map((change) => [change.after.staffNumber, change.after.status, change.after.leftOn])).toEqual([
      ['2', 'left', '2026-04-01'],
      ['3', 'left', '2026-04-01'],
    ]);
    const later = { ...options, effectiveDate: '2026-10-01' };
    const renamed = planRosterImport(recordsToWrite(plan), [row('1'), row('2', { status: 'left', name: '改姓 太郎' })], later);
    expect(renamed.changed.map((change) => change.after.leftOn)).toEqual(['2026-04-01']);
    const back = planRosterImport(recordsToWrite(plan), [row('1'), row('3')], later);
    expect(back.changed.find((change) => change.after.staffNumber === '3')?.after).toMatchObject({ status: 'active', leftOn: undefined });
  });
});
