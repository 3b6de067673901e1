import { describe, expect, it } from 'vitest';
import { canViewDepartment } from '../../bot/src/kernel/domain/access.js';
import type { Employee } from '../../bot/src/kernel/domain/employee.js';
import { AppError } from '../../bot/src/kernel/domain/errors.js';
import { levelDistribution, MIN_GROUP_SIZE } from '../../bot/src/features/skills/domain/skill-distribution.js';
import { levelsFromTicks } from '../../bot/src/features/skills/domain/skill-levels.js';
import { csvCell, talentDataCsv } from '../../bot/src/features/skills/domain/talent-data-csv.js';
import { jstDate } from '../../bot/src/kernel/domain/jst.js';
import { planAttendance } from '../../bot/src/features/training/domain/training-records.js';
import type { TrainingSession } from '../../bot/src/features/training/domain/training-sessions.js';

const person = (fields: Partial<Employee>): Employee => ({
  id: 'e1',
  displayName: 'x',
  email: undefined,
  departmentId: 'd1',
  jobLevel: 'general',
  roles: ['employee'],
  locale: undefined,
  tenantId: undefined,
  installedAt: undefined,
  ...fields,
});

describe('who may see a department', () => {
  it('when the viewer is a promoter or a manager, then only their own department; an admin sees any; staff none', () => {
    expect(canViewDepartment(person({ roles: ['employee', 'promoter'] }), 'd1')).toBe(true);
    expect(canViewDepartment(person({ roles: ['employee', 'promoter'] }), 'd2')).toBe(false);
    expect(canViewDepartment(person({ jobLevel: 'manager' }), 'd1')).toBe(true);
    expect(canViewDepartment(person({ jobLevel: 'chief' }), 'd1')).toBe(false);
    expect(canViewDepartment(person({ roles: ['employee', 'admin'], departmentId: 'dx' }), 'd2')).toBe(true);
    expect(canViewDepartment(undefined, 'd1')).toBe(false);
  });
});

describe('level distribution', () => {
  const nobody = levelsFromTicks(new Set());
  const securityLv1 = levelsFromTicks(new Set(['security.lv1.1']));
  it(`when a group has fewer than ${MIN_GROUP_SIZE} people, then nothing but the head count is shown`, () => {
    expect(levelDistribution([nobody, nobody, nobody, securityLv1])).toEqual({ suppressed: true, people: 4 });
  });
  it('when a group has five or more, then each skill counts people per level and those who never assessed are LV0', () => {
    const result = levelDistribution([nobody, nobody, nobody, securityLv1, securityLv1]);
    expect(result).toMatchObject({ suppressed: false, people: 5 });
    if (result.suppressed) throw new Error('unexpected');
    expect(result.bySkill.security).toEqual([3, 2, 0, 0]);
    expect(result.bySkill['data-utilization']).toEqual([5, 0, 0, 0]);
  });
});

describe('人材データ CSV', () => {
  it('when a cell holds a comma, a quote or a line break, then it is quoted; a leading = + - @ cannot become a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('品川 太郎')).toBe('品川 太郎');
  });
  it('when rows are exported, then the file starts with a BOM, uses CRLF and lists completions and passes in one cell each', () => {
    const csv = talentDataCsv([
      {
        employeeId: 'e1',
        displayName: '品川 太郎',
        department: '企画経営部 デジタル推進課',
        jobLevel: '一般職',
        levels: levelsFromTicks(new Set(['security.lv1.1'])),
        confirmations: { 'business-reform': '', 'project-management': '', 'digital-utilization': '', 'data-utilization': '', security: '確認済み(戸越 花子 2026-06-02)' },
        completions: [{ title: 'セキュリティ研修', completedOn: '2026-05-01' }, { title: 'ITリテラシー研修', completedOn: '2026-06-01' }],
        examPasses: [{ name: 'ITパスポート', passedOn: '2025-01-10' }],
      },
    ]);
    expect(csv.startsWith('\uFEFF職員ID,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('e1,品川 太郎,企画経営部 デジタル推進課,一般職,0,,0,,0,,0,,1,確認済み(戸越 花子 2026-06-02),セキュリティ研修(2026-05-01); ITリテラシー研修(2026-06-01),ITパスポート(2025-01-10)');
  });
});

describe('attendance', () => {
  const session: TrainingSession = {
    id: 's1',
    courseId: 'security',
    startsAt: '2026-11-20T01:00:00.000Z',
    endsAt: '2026-11-20T03:00:00.000Z',
    place: undefined,
    onlineUrl: undefined,
    capacity: 10,
    cancelled: false,
    enrolledCount: 2,
  };
  const enrollments = [
    { sessionId: 's1', employeeId: 'a', status: 'enrolled' as const, at: '' },
    { sessionId: 's1', employeeId: 'b', status: 'enrolled' as const, at: '' },
    { sessionId: 's1', employeeId: 'w', status: 'waitlisted' as const, at: '' },
  ];
  const after = new Date('2026-11-20T04:00:00Z');
  it('when attendance is recorded after the start, then the seated split into attended and not attended', () => {
    expect(planAttendance({ session, enrollments, attendedIds: ['a'], now: after })).toEqual({ attended: ['a'], notAttended: ['b'] });
  });
  it('when a waitlisted person, a future session or a cancelled session is involved, then it is refused', () => {
    expect(() => planAttendance({ session, enrollments, attendedIds: ['w'], now: after })).toThrow(AppError);
    expect(() => planAttendance({ session, enrollments, attendedIds: ['a'], now: new Date('2026-11-20T00:59:59Z') })).toThrow('has not started');
    expect(() => planAttendance({ session: { ...session, cancelled: true }, enrollments, attendedIds: [], now: after })).toThrow('cancelled');
  });
  it('when a session starts at 00:30 JST, then its completion date is that JST day', () => {
    expect(jstDate('2026-11-19T15:30:00.000Z')).toBe('2026-11-20');
  });
});
