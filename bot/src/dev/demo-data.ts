import { createHash } from 'node:crypto';
import { POLICY_COURSES } from '../kernel/domain/catalog/courses.js';
import { EXAM_SUBSIDY_TEXT } from '../features/catalog/domain/catalog-service.js';
import type { JobLevel } from '../kernel/domain/catalog/job-levels.js';
import type { Department, Employee, Role } from '../kernel/domain/employee.js';
import { ConcurrencyError } from '../kernel/domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../kernel/domain/ports.js';
import type { ProgrammeTextRepository } from '../features/catalog/domain/catalog-ports.js';
import type { TrainingSessionRepository } from '../features/training/domain/training-ports.js';

/** A stable GUID from a name, so demo identities are the same on every machine and every run. */
export function demoObjectId(name: string): string {
  const hex = createHash('sha256').update(`dx-navi-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_DEPARTMENTS: Department[] = [
  { id: 'digital-promotion', name: '企画経営部 デジタル推進課' },
  { id: 'personnel', name: '総務部 人事課' },
  { id: 'resident-registry', name: '地域振興部 戸籍住民課' },
  { id: 'welfare-planning', name: '福祉部 福祉計画課' },
  { id: 'child-development', name: '子ども未来部 子ども育成課' },
  { id: 'environment', name: '都市環境部 環境課' },
];

type DemoPerson = [name: string, department: string, jobLevel: JobLevel, roles?: Role[]];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ['品川 デジタ', 'digital-promotion', 'chief', ['admin']],
  ['大井 未来', 'digital-promotion', 'general'],
  ['五反田 誠', 'digital-promotion', 'manager'],
  ['戸越 花子', 'resident-registry', 'chief', ['promoter']],
  ['大崎 健太', 'resident-registry', 'general'],
  ['旗の台 彩', 'resident-registry', 'general'],
  ['中延 翔', 'resident-registry', 'general'],
  ['荏原 直樹', 'resident-registry', 'manager'],
  ['武蔵小山 由美', 'welfare-planning', 'general'],
  ['西小山 亮', 'welfare-planning', 'general'],
  ['青物横丁 恵', 'welfare-planning', 'chief'],
  ['鮫洲 大輔', 'welfare-planning', 'general'],
  ['立会川 真理', 'welfare-planning', 'manager'],
  ['天王洲 拓也', 'child-development', 'general'],
  ['北品川 さくら', 'child-development', 'general'],
  ['新馬場 悠斗', 'child-development', 'chief'],
  ['大井町 美咲', 'child-development', 'general'],
  ['下神明 浩', 'child-development', 'manager'],
  ['不動前 葵', 'environment', 'general'],
  ['目黒 隆', 'environment', 'general'],
  ['戸越公園 千尋', 'environment', 'chief'],
  ['荏原町 誠司', 'environment', 'general'],
  ['長原 明美', 'environment', 'manager'],
  ['八潮 陽菜', 'personnel', 'general'],
  ['東品川 修', 'personnel', 'chief'],
  ['南品川 香織', 'personnel', 'general'],
  ['広町 剛', 'personnel', 'manager'],
  ['小山台 結衣', 'resident-registry', 'general'],
  ['豊町 和也', 'welfare-planning', 'chief'],
  ['二葉 舞', 'child-development', 'general'],
];

export function demoEmployees(tenantId: string): Employee[] {
  return DEMO_PEOPLE.map(([name, departmentId, jobLevel, roles = []]) => ({
    id: demoObjectId(name),
    displayName: name,
    email: undefined,
    departmentId,
    jobLevel,
    roles: ['employee', ...roles],
    locale: undefined,
    tenantId,
    installedAt: undefined,
  }));
}

/** A sample of what デジタル推進課 would write about the IT exam subsidy; the real terms are 人事課's. */
const DEMO_SUBSIDY_TEXT = {
  ja: [
    'IT関連試験・講座を受ける職員への助成率を引き上げることで、受験・受講を推進します。(品川区 DX人材育成方針より)',
    '',
    '【サンプル】対象: ITパスポート、情報セキュリティマネジメント、基本情報技術者、応用情報技術者 ほか。',
    '申請: 受験前に所属長の承認を得て、合格後に合格証書の写しを添えて人事課へ申請してください。助成の割合・上限は人事課の案内をご確認ください。',
  ].join('\n'),
  en: [
    'The ward raises the subsidy rate for staff who take IT exams and courses, to encourage them. (from the DX talent-development policy)',
    '',
    '[Sample] Eligible: IT Passport, Information Security Management, Fundamental and Applied IT Engineer, and more.',
    'To apply: get your manager’s approval before the exam, then send a copy of the certificate to the Personnel Division. See their notice for rates and limits.',
  ].join('\n'),
};

/**
 * Loads the demo organisation (the policy catalog itself is ensured by the app at start). Idempotent: existing
 * employees keep what the app has learnt about them (install time, locale).
 */
export async function seedDemoData(
  repositories: {
    employees: EmployeeRepository;
    departments: DepartmentRepository;
    trainingSessions?: TrainingSessionRepository;
    programmeTexts?: ProgrammeTextRepository;
  },
  options: { tenantId: string; now?: Date },
): Promise<{ departments: number; employees: number; courses: number }> {
  await Promise.all(DEMO_DEPARTMENTS.map((department) => repositories.departments.save(department)));
  if (repositories.programmeTexts && !(await repositories.programmeTexts.get(EXAM_SUBSIDY_TEXT))) {
    await repositories.programmeTexts.save({ key: EXAM_SUBSIDY_TEXT, body: DEMO_SUBSIDY_TEXT, updatedBy: undefined, updatedAt: undefined });
  }
  const employees = demoEmployees(options.tenantId);
  await Promise.all(
    employees.map((employee) =>
      repositories.employees.update(employee.id, (current) =>
        current
          ? {
              ...employee,
              locale: current.locale,
              installedAt: current.installedAt,
              // Once the sample roster linked them, HR's file (not this list) says where they sit.
              ...(current.staffNumber
                ? { displayName: current.displayName, email: current.email, departmentId: current.departmentId, jobLevel: current.jobLevel, staffNumber: current.staffNumber, directoryStatus: current.directoryStatus }
                : {}),
            }
          : employee,
      ),
    ),
  );
  if (repositories.trainingSessions) await seedDemoSessions(repositories.trainingSessions, employees, options.now ?? new Date());
  return { departments: DEMO_DEPARTMENTS.length, employees: employees.length, courses: POLICY_COURSES.length };
}

/** The session held three days ago whose attendance デジタル推進課 still has to record, for this month's demo. */
export const demoPastSessionId = (now: Date) => `demo-${now.toISOString().slice(0, 7)}-past-it-literacy`;

/**
 * A few upcoming sessions and one held three days ago with people in its seats, ids fixed by month so a restart
 * neither duplicates nor resets them.
 */
async function seedDemoSessions(sessions: TrainingSessionRepository, employees: Employee[], now: Date): Promise<void> {
  const month = now.toISOString().slice(0, 7);
  // 14:00 JST three days ago, like the upcoming ones.
  const heldAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 3, 5, 0));
  const pastId = demoPastSessionId(now);
  if (!(await sessions.get(pastId))) {
    try {
      await sessions.create({
        id: pastId,
        courseId: 'it-literacy',
        startsAt: heldAt.toISOString(),
        endsAt: new Date(heldAt.getTime() + 2 * 3600_000).toISOString(),
        place: '第二庁舎 6階 研修室',
        onlineUrl: undefined,
        capacity: 30,
        cancelled: false,
        enrolledCount: 0,
      });
      // Sign-ups happened before the session: seat them directly, as the sign-up rules refuse a past session.
      for (const employee of employees.filter((person) => person.departmentId === 'resident-registry' || person.departmentId === 'environment')) {
        await sessions.enroll(pastId, employee.id, () => 'enrolled');
      }
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  const demo: [courseId: string, daysAhead: number, place: string, capacity: number][] = [
    ['it-literacy', 7, '第二庁舎 6階 研修室', 30],
    ['data-utilization', 10, '本庁舎 4階 会議室', 20],
    ['security', 14, 'オンライン (Teams)', 100],
    ['dx-tool-experience', 21, '第三庁舎 2階 DXラボ', 12],
  ];
  for (const [courseId, daysAhead, place, capacity] of demo) {
    const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, 5, 0));
    try {
      await sessions.create({
        id: `demo-${month}-${courseId}`,
        courseId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        place,
        onlineUrl: undefined,
        capacity,
        cancelled: false,
        enrolledCount: 0,
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // already seeded this month
    }
  }
}
