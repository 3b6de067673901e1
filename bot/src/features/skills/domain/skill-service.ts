import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { mindsetStatementsFor } from '../../../kernel/domain/catalog/mindsets.js';
import type { SkillId, SkillLevel } from '../../../kernel/domain/catalog/skills.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { CourseRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { Employee, SkillSummary } from '../../../kernel/domain/employee.js';
import type { SkillAssessmentRepository } from './skills-ports.js';
import type { TrainingSessionRepository } from '../../training/domain/training-ports.js';
import { checkTicks, levelsFromTicks, recommendCourses } from './skill-levels.js';
import type { LevelConfirmationView, SkillConfirmationService } from './skill-confirmation-service.js';

export interface MySkillsView {
  levels: ReturnType<typeof levelsFromTicks>;
  ticked: string[];
  goals: Partial<Record<SkillId, SkillLevel>>;
  mindsetChecks: string[];
  updatedAt: string | undefined;
  recommendations: {
    skillId: SkillId;
    targetLevel: SkillLevel;
    gap: number;
    reason: string;
    courseIds: string[];
    courses: { id: string; title: string; nextSessions: { sessionId: string; startsAt: string; seatsLeft: number }[] }[];
  }[];
  /** 自己評価 / 確認待ち / 確認済み per skill at today's level (issue 20). */
  confirmations: LevelConfirmationView[];
  /** The mindset statements for the employee's job level; undefined until HR has registered it. */
  mindsets: { mindsetId: string; statementIds: string[] }[] | undefined;
}

/** How many upcoming sessions each recommended course lists. */
const SESSIONS_PER_COURSE = 2;

/** The ticks and goals in one order, so a copy compares equal to its assessment whatever order they were saved in. */
const summaryOf = (assessment: SkillSummary): SkillSummary => ({
  ticked: [...assessment.ticked].sort(),
  goals: Object.fromEntries(Object.entries(assessment.goals).sort(([a], [b]) => a.localeCompare(b))),
});
const sameSummary = (copy: SkillSummary | undefined, summary: SkillSummary) => copy !== undefined && JSON.stringify(summaryOf(copy)) === JSON.stringify(summary);

export function createSkillService(deps: {
  assessments: SkillAssessmentRepository;
  courses: CourseRepository;
  employees: EmployeeRepository;
  sessions: TrainingSessionRepository;
  /** 上司確認: told of every save so raised levels go to a confirmer. */
  confirmations: Pick<SkillConfirmationService, 'levelsChanged' | 'statusOf'>;
  now?: () => Date;
}) {
  type Assessment = Awaited<ReturnType<SkillAssessmentRepository['get']>>;
  /** おすすめ研修 with their next sessions: from the ticks and goals and the shared (cached) courses and sessions only. */
  const recommendationsOf = async (assessment: SkillSummary, locale: Locale): Promise<MySkillsView['recommendations']> => {
    const [courses, upcoming] = await Promise.all([deps.courses.list(), deps.sessions.listUpcoming(deps.now?.() ?? new Date())]);
    const nextSessions = (courseId: string) =>
      upcoming
        .filter((session) => session.courseId === courseId && !session.cancelled)
        .slice(0, SESSIONS_PER_COURSE)
        .map((session) => ({ sessionId: session.id, startsAt: session.startsAt, seatsLeft: Math.max(0, session.capacity - session.enrolledCount) }));
    return recommendCourses({ ticked: new Set(assessment.ticked), goals: assessment.goals, courses, locale }).map((recommendation) => ({
      skillId: recommendation.skillId,
      targetLevel: recommendation.targetLevel,
      gap: recommendation.gap,
      reason: recommendation.reason,
      courseIds: recommendation.courses.map((course) => course.id),
      courses: recommendation.courses.map((course) => ({ id: course.id, title: course.title[locale], nextSessions: nextSessions(course.id) })),
    }));
  };
  /** The record's copy of the ticks and goals (Employee.skillSummary); a copy never makes a record. */
  const keepSummary = async (employeeId: string, summary: SkillSummary) => void (await deps.employees.setSkillSummary(employeeId, summary));
  const view = async (employeeId: string, assessment: Assessment, locale: Locale): Promise<MySkillsView> => {
    const [employee, recommendations] = await Promise.all([deps.employees.get(employeeId), recommendationsOf(assessment, locale)]);
    // Every マイスキル view brings the copy chat reads in line with the assessment whenever they differ (a copy left
    // behind by a crash between a save's two writes, or never made).
    const summary = summaryOf(assessment);
    if (employee && !sameSummary(employee.skillSummary, summary)) await keepSummary(employeeId, summary);
    const levels = levelsFromTicks(new Set(assessment.ticked));
    return {
      levels,
      confirmations: await deps.confirmations.statusOf(employeeId, levels),
      ticked: assessment.ticked,
      goals: assessment.goals,
      mindsetChecks: assessment.mindsetChecks,
      updatedAt: assessment.updatedAt,
      recommendations,
      mindsets: employee?.jobLevel
        ? mindsetStatementsFor(employee.jobLevel).map(({ mindset, statements }) => ({ mindsetId: mindset.id, statementIds: statements.map((statement) => statement.id) }))
        : undefined,
    };
  };
  return {
    async getMySkills(employeeId: string, locale: Locale) {
      return view(employeeId, await deps.assessments.get(employeeId), locale);
    },
    /**
     * Only おすすめ研修 (研修を探す, 申し込む), for the profile the turn has already read: from its copy of the ticks and
     * goals, with no read of its own. A record from before the copy existed has none: the assessment is read once
     * and the copy stored, so the person's next turns need no second read.
     */
    async recommendationsFor(profile: Employee, locale: Locale) {
      if (profile.skillSummary) return recommendationsOf(profile.skillSummary, locale);
      const assessment = await deps.assessments.get(profile.id);
      await keepSummary(profile.id, summaryOf(assessment));
      return recommendationsOf(assessment, locale);
    },
    /** Replaces the employee's ticks and goals; refuses unknown criteria and level jumps, changing nothing. */
    async saveMySkills(
      employeeId: string,
      input: { ticked: string[]; goals: Partial<Record<SkillId, SkillLevel>>; mindsetChecks?: string[] | undefined },
      locale: Locale,
    ) {
      const ticked = new Set(input.ticked);
      const mindsetChecks = new Set(input.mindsetChecks ?? []);
      if (mindsetChecks.size > 0) {
        const employee = await deps.employees.get(employeeId);
        const allowed = new Set(
          employee?.jobLevel ? mindsetStatementsFor(employee.jobLevel).flatMap((group) => group.statements.map((statement) => statement.id)) : [],
        );
        const unknown = [...mindsetChecks].find((id) => !allowed.has(id));
        if (unknown) {
          throw new AppError('invalid-input', {
            detail: `mindset statement ${unknown} is not for this job level`,
            userMessage: { ja: `あなたの職層にない項目です: ${unknown}`, en: `Not a statement for your job level: ${unknown}` },
          });
        }
      }
      const problems = checkTicks(ticked);
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new AppError('invalid-input', {
          detail: JSON.stringify(problems),
          userMessage:
            first.kind === 'unknown-criterion'
              ? { ja: `存在しない基準です: ${first.criterionId}`, en: `No such criterion: ${first.criterionId}` }
              : {
                  ja: `LV${first.missingLevel} の基準をすべて満たしてから、上のレベルを選んでください。`,
                  en: `Tick every LV${first.missingLevel} criterion before a higher level.`,
                },
        });
      }
      const at = (deps.now?.() ?? new Date()).toISOString();
      let previousTicks: string[] = [];
      const saved = await deps.assessments.update(employeeId, (current) => {
        previousTicks = current.ticked;
        return {
        employeeId,
        ticked: [...ticked],
        goals: input.goals,
        mindsetChecks: input.mindsetChecks === undefined ? current.mindsetChecks : [...mindsetChecks],
        updatedAt: at,
        };
      });
      // The copy chat reads goes with the assessment, before anything else the save sets off can fail.
      await keepSummary(employeeId, summaryOf(saved));
      await deps.confirmations.levelsChanged(employeeId, levelsFromTicks(new Set(previousTicks)), levelsFromTicks(ticked));
      return view(employeeId, saved, locale);
    },
    history: (employeeId: string) => deps.assessments.history(employeeId),
  };
}

export type SkillService = ReturnType<typeof createSkillService>;
