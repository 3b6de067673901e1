import { SKILL_IDS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import { JOB_LEVEL_LABELS } from '../../../kernel/domain/catalog/job-levels.js';
import { canViewDepartment, adminCheck } from '../../../kernel/domain/access.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { countsAsStaff, type Employee } from '../../../kernel/domain/employee.js';
import type { CompletionRepository } from '../../training/domain/training-ports.js';
import type { CourseRepository, DepartmentRepository, EmployeeRepository, ExamCatalogRepository } from '../../../kernel/domain/ports.js';
import type { ExamPassRepository, PlacementHistory, SkillAssessmentRepository, SkillAssessmentChange, SkillConfirmationRepository, StepUpTargetRepository } from './skills-ports.js';
import { departmentTrends, type PersonOverTime } from './skill-trends.js';
import { checkTargetInput, targetShares } from './step-up-targets.js';
import { fiscalYearOf } from '../../../kernel/domain/jst.js';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import { confirmationLabel } from './skill-confirmation.js';
import { levelDistribution } from './skill-distribution.js';
import { levelsFromTicks, type SkillLevels } from './skill-levels.js';
import { talentDataCsv } from './talent-data-csv.js';

/**
 * Aggregate views of the staff's skills (outcome 02: 人材データの集約と活用): a department's distribution for its
 * DX推進委員 and managers, the ward-wide one and the per-employee export for デジタル推進課 and 人事課.
 */
/** Histories read in parallel per batch (one partition query each). */
const HISTORY_READS_AT_ONCE = 16;
/** From how many people one scan of every history beats a partition query per person. */
const HISTORY_SCAN_FROM = 300;
/** How many 年度 a trend shows at most, the current one included. */
const TREND_YEARS = 5;

export function createSkillReportService(deps: {
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  assessments: SkillAssessmentRepository;
  completions: CompletionRepository;
  examPasses: ExamPassRepository;
  exams: ExamCatalogRepository;
  courses: CourseRepository;
  confirmations: SkillConfirmationRepository;
  targets: StepUpTargetRepository;
  placements: PlacementHistory;
  now?: () => Date;
}) {
  /**
   * The histories of these people: for a 課 (a few hundred at most) one partition query per person, a few at a time;
   * for more than HISTORY_SCAN_FROM people (the ward) one paged query over everyone's history, which costs a round
   * trip per thousand rows instead of one per person.
   */
  const historiesOf = async (people: readonly Employee[]): Promise<Map<string, SkillAssessmentChange[]>> => {
    if (people.length > HISTORY_SCAN_FROM) return deps.assessments.listAllHistories();
    const result = new Map<string, SkillAssessmentChange[]>();
    for (let index = 0; index < people.length; index += HISTORY_READS_AT_ONCE) {
      const batch = people.slice(index, index + HISTORY_READS_AT_ONCE);
      const histories = await Promise.all(batch.map((person) => deps.assessments.history(person.id)));
      batch.forEach((person, offset) => result.set(person.id, histories[offset]!));
    }
    return result;
  };
  /**
   * Trends by 年度 over these departments, everyone placed where the directory says they were that year. Leavers
   * whose leaving date the directory recorded count in the years before it; people on leave (休職) and identities
   * HR never listed do not count, as in the distributions.
   */
  const trendsFor = async (departmentIds: ReadonlySet<string> | undefined) => {
    const now = deps.now?.() ?? new Date();
    const [departments, everyone, transfers, leavers, targets] = await Promise.all([
      deps.departments.list(),
      deps.employees.listEveryone(),
      deps.placements.listAll(),
      deps.placements.leavers(),
      deps.targets.list(),
    ]);
    const leftOn = new Map(leavers.map((leaver) => [leaver.staffNumber, leaver.leftOn]));
    const employees = everyone.filter((employee) => countsAsStaff(employee) || (employee.directoryStatus === 'left' && employee.staffNumber !== undefined && leftOn.has(employee.staffNumber)));
    const transfersOf = new Map<string, PersonOverTime['transfers'][number][]>();
    for (const transfer of transfers) transfersOf.set(transfer.staffNumber, [...(transfersOf.get(transfer.staffNumber) ?? []), transfer]);
    const placed = employees.map((employee) => ({
      employee,
      transfers: (employee.staffNumber && transfersOf.get(employee.staffNumber)) || [],
      leftOn: employee.directoryStatus === 'left' && employee.staffNumber ? leftOn.get(employee.staffNumber) : undefined,
    }));
    // Only people who were ever in one of the asked departments need their history read.
    const relevant = departmentIds
      ? placed.filter(({ employee, transfers: moves }) => [employee.departmentId, ...moves.flatMap((move) => [move.fromDepartmentId, move.toDepartmentId])].some((id) => id !== undefined && departmentIds.has(id)))
      : placed;
    const histories = await historiesOf(relevant.map(({ employee }) => employee));
    const people = relevant.map((person) => ({ ...person, history: histories.get(person.employee.id) ?? [] }));
    const firstChange = people.flatMap((person) => person.history.map((change) => change.at)).sort()[0];
    const firstYear = Math.max(fiscalYearOf(now) - TREND_YEARS + 1, firstChange ? fiscalYearOf(new Date(firstChange)) : fiscalYearOf(now));
    return departmentTrends({ people, departments: departments.filter((department) => !departmentIds || departmentIds.has(department.id)), firstYear, now, targets });
  };
  const shares = async (people: Employee[], levels: Map<string, SkillLevels>) =>
    targetShares(await deps.targets.list(), people.map((person) => ({ jobLevel: person.jobLevel, levels: levels.get(person.id) ?? levelsFromTicks(new Set()) })));
  const levelsByEmployee = async (): Promise<Map<string, SkillLevels>> =>
    new Map((await deps.assessments.listCurrent()).map((assessment) => [assessment.employeeId, levelsFromTicks(new Set(assessment.ticked))]));
  const levelsOf = (people: Employee[], levels: Map<string, SkillLevels>) => people.map((person) => levels.get(person.id) ?? levelsFromTicks(new Set()));

  return {
    /** The distribution for one department; the caller's own when departmentId is omitted. */
    async department(callerId: string, departmentId?: string) {
      const caller = await deps.employees.get(callerId);
      const target = departmentId ?? caller?.departmentId;
      if (!target || !canViewDepartment(caller, target)) {
        throw new AppError('forbidden', {
          detail: `${callerId} may not view department ${target ?? '(none)'}`,
          userMessage: { ja: '部署の集計はDX推進委員・管理職(自部署)とデジタル推進課のみ閲覧できます。', en: 'Only DX promoters and managers (own department) and the Digital Promotion Division can see department figures.' },
        });
      }
      const [department, employees, levels] = await Promise.all([deps.departments.get(target), deps.employees.list(), levelsByEmployee()]);
      const members = employees.filter((employee) => employee.departmentId === target);
      return { department: department ?? { id: target, name: target }, distribution: levelDistribution(levelsOf(members, levels)), targets: await shares(members, levels) };
    },
    /** Ward-wide and per-department distributions for デジタル推進課. */
    async wardWide(adminId: string) {
      await adminCheck(deps.employees)(adminId);
      const [departments, employees, levels] = await Promise.all([deps.departments.list(), deps.employees.list(), levelsByEmployee()]);
      return {
        ward: levelDistribution(levelsOf(employees, levels)),
        targets: await shares(employees, levels),
        departments: await Promise.all(
          departments.map(async (department) => {
            const members = employees.filter((employee) => employee.departmentId === department.id);
            return { department, distribution: levelDistribution(levelsOf(members, levels)), targets: await shares(members, levels) };
          }),
        ),
      };
    },
    /** A department's distribution per 年度, by who belonged to it that year (own 課 for promoters and managers). */
    async departmentTrend(callerId: string, departmentId?: string) {
      const caller = await deps.employees.get(callerId);
      const target = departmentId ?? caller?.departmentId;
      if (!target || !canViewDepartment(caller, target)) {
        throw new AppError('forbidden', {
          detail: `${callerId} may not view the trend of ${target ?? '(none)'}`,
          userMessage: { ja: '部署の集計はDX推進委員・管理職(自部署)とデジタル推進課のみ閲覧できます。', en: 'Only DX promoters and managers (own department) and the Digital Promotion Division can see department figures.' },
        });
      }
      const years = await trendsFor(new Set([target]));
      const department = (await deps.departments.get(target)) ?? { id: target, name: target };
      return {
        department,
        years: years.map((year) => ({ fiscalYear: year.fiscalYear, distribution: year.departments[0]?.distribution ?? levelDistribution([]), targets: year.departments[0]?.targets ?? [] })),
      };
    },
    /** The ward's and every department's distribution and target shares per 年度, for デジタル推進課. */
    async wardTrend(adminId: string) {
      await adminCheck(deps.employees)(adminId);
      const years = await trendsFor(undefined);
      return { years: years.map(({ wardTargets, ...year }) => ({ ...year, targets: wardTargets })) };
    },
    /** ステップアップ目標 as デジタル推進課 set them. */
    async listTargets(adminId: string) {
      await adminCheck(deps.employees)(adminId);
      return deps.targets.list();
    },
    /** Sets (or replaces) the target for one 職層 and skill; a level outside 1–3 is refused and nothing changes. */
    async setTarget(adminId: string, input: { jobLevel: JobLevel; skillId: SkillId; level: number; byFiscalYear: number }) {
      const admin = await adminCheck(deps.employees)(adminId);
      const now = deps.now?.() ?? new Date();
      const level = checkTargetInput(input, fiscalYearOf(now));
      await deps.targets.save({ jobLevel: input.jobLevel, skillId: input.skillId, level, byFiscalYear: input.byFiscalYear, setBy: admin.id, setAt: now.toISOString() });
      return deps.targets.list();
    },
    async removeTarget(adminId: string, jobLevel: JobLevel, skillId: SkillId) {
      await adminCheck(deps.employees)(adminId);
      await deps.targets.remove(jobLevel, skillId);
      return deps.targets.list();
    },
    /** 人材データ: one line per employee with levels, completed trainings and exam passes, as Excel-ready CSV. */
    async talentDataCsv(adminId: string): Promise<string> {
      await adminCheck(deps.employees)(adminId);
      const [departments, employees, levels, completions, passes, courses, exams, confirmations] = await Promise.all([
        deps.departments.list(),
        // Leavers keep their history in 人材データ (issue 12); identities HR never listed are not staff.
        deps.employees.listEveryone().then((everyone) => everyone.filter((employee) => employee.directoryStatus !== 'unregistered')),
        levelsByEmployee(),
        deps.completions.listAll(),
        deps.examPasses.listAll(),
        deps.courses.list(),
        deps.exams.list(),
        deps.confirmations.listAll(),
      ]);
      const confirmationOf = new Map(confirmations.map((row) => [`${row.employeeId}\u0000${row.skillId}`, row]));
      const departmentName = new Map(departments.map((department) => [department.id, department.name]));
      const courseTitle = new Map(courses.map((course) => [course.id, course.title.ja]));
      const examName = new Map(exams.map((exam) => [exam.id, exam.name.ja]));
      const sorted = [...employees].sort((a, b) => (a.departmentId ?? '').localeCompare(b.departmentId ?? '') || a.displayName.localeCompare(b.displayName, 'ja'));
      const rows = sorted.map((employee) => {
        const employeeLevels = levels.get(employee.id) ?? levelsFromTicks(new Set());
        return {
          employeeId: employee.id,
          displayName: employee.displayName,
          department: (employee.departmentId && departmentName.get(employee.departmentId)) || '',
          jobLevel: employee.jobLevel ? JOB_LEVEL_LABELS[employee.jobLevel].ja : '',
          levels: employeeLevels,
          confirmations: Object.fromEntries(
            SKILL_IDS.map((skillId) => [skillId, confirmationLabel(confirmationOf.get(`${employee.id}\u0000${skillId}`), employeeLevels[skillId]).ja]),
          ) as Record<SkillId, string>,
          completions: completions
            .filter((completion) => completion.employeeId === employee.id)
            .map((completion) => ({ title: courseTitle.get(completion.courseId) ?? completion.courseId, completedOn: completion.completedOn })),
          examPasses: passes
            .filter((pass) => pass.employeeId === employee.id)
            .map((pass) => ({ name: examName.get(pass.examId) ?? pass.examId, passedOn: pass.passedOn })),
        };
      });
      return talentDataCsv(rows);
    },
  };
}

export type SkillReportService = ReturnType<typeof createSkillReportService>;
