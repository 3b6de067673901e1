import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { SKILLS, type SkillId, type SkillLevel } from '../../../kernel/domain/catalog/skills.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { CourseRepository, EmployeeRepository, ExamCatalogRepository } from '../../../kernel/domain/ports.js';
import type { CompletionRepository } from '../../training/domain/training-ports.js';
import {
  checkDecision,
  confirmationLabel,
  confirmersFor,
  DECISION_PROBLEM_MESSAGES,
  type DecisionProblem,
  raisedLevels,
  ROUTE_NOTES,
  type ConfirmerRoute,
  type SkillConfirmation,
} from './skill-confirmation.js';
import { skillTimeline } from './skill-timeline.js';
import { levelOf, levelsFromTicks, type ReachedLevel, type SkillLevels } from './skill-levels.js';
import type { ExamPassRepository, SkillAssessmentRepository, SkillConfirmationRepository } from './skills-ports.js';

/** What the confirmer sees to judge a claim: the trainings that teach the skill and the exam passes. */
export interface ConfirmationEvidence {
  completions: { courseId: string; title: LocalizedText; completedOn: string }[];
  examPasses: { examId: string; name: LocalizedText; passedOn: string }[];
}

export interface ConfirmationQueueItem {
  employeeId: string;
  employeeName: string;
  skillId: SkillId;
  level: SkillLevel;
  requestedAt: string;
  route: ConfirmerRoute;
  evidence: ConfirmationEvidence;
}

/** Tells confirmers of a new claim and the employee of the decision (both through the delivery engine). */
export interface SkillConfirmationNotifier {
  requested(item: ConfirmationQueueItem, confirmers: readonly Employee[]): Promise<void>;
  decided(confirmation: SkillConfirmation, employee: Employee | undefined): Promise<void>;
}

/** Per skill, how the employee's current level stands. */
export interface LevelConfirmationView {
  skillId: SkillId;
  level: ReachedLevel;
  status: 'self-assessed' | 'pending' | 'confirmed' | 'returned';
  label: LocalizedText;
  route: ConfirmerRoute | undefined;
  routeNote: LocalizedText | undefined;
  decidedByName: string | undefined;
  decidedAt: string | undefined;
  comment: string | undefined;
}

export type DecisionInput = { employeeId: string; skillId: SkillId; level: number; decision: 'confirm' | 'return'; comment?: string | undefined };
/** Why a decision was not taken: a rule of `checkDecision`, or a 差し戻し with no comment. */
export type DecisionRefusal = DecisionProblem | 'comment-required';
export type DecisionAttempt =
  | { outcome: 'decided'; confirmation: SkillConfirmation }
  /** `alreadyDecided`: the request was decided (by someone else) at this level; shown to confirmers of the same 課. */
  | { outcome: 'refused'; problem: DecisionRefusal; message: LocalizedText; alreadyDecided: SkillConfirmation | undefined };

const REFUSAL_MESSAGES: Record<DecisionRefusal, LocalizedText> = {
  ...DECISION_PROBLEM_MESSAGES,
  'comment-required': { ja: '差し戻すときは、職員へのコメントを入力してください。', en: 'Write a comment to the employee when sending a level back.' },
};

/** Queue items whose reads run at once (each is a few partition reads). */
const QUEUE_READS_AT_ONCE = 8;

const refuse = (problem: DecisionRefusal, detail: string) =>
  new AppError(problem === 'not-a-confirmer' || problem === 'outside-section' || problem === 'own-level' ? 'forbidden' : 'invalid-input', {
    detail,
    userMessage: REFUSAL_MESSAGES[problem],
  });

export function createSkillConfirmationService(deps: {
  confirmations: SkillConfirmationRepository;
  assessments: SkillAssessmentRepository;
  employees: EmployeeRepository;
  completions: CompletionRepository;
  examPasses: ExamPassRepository;
  exams: ExamCatalogRepository;
  courses: CourseRepository;
  notifier: SkillConfirmationNotifier;
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();

  async function evidenceFor(employeeId: string, skillId: SkillId): Promise<ConfirmationEvidence> {
    const [completions, passes, courses, exams] = await Promise.all([
      deps.completions.list(employeeId),
      deps.examPasses.list(employeeId),
      deps.courses.list(),
      deps.exams.list(),
    ]);
    const teachingSkill = new Map(courses.filter((course) => course.teaches.some((taught) => taught.skillId === skillId)).map((course) => [course.id, course]));
    const examName = new Map(exams.map((exam) => [exam.id, exam.name]));
    return {
      completions: completions.flatMap((completion) => {
        const course = teachingSkill.get(completion.courseId);
        return course ? [{ courseId: course.id, title: course.title, completedOn: completion.completedOn }] : [];
      }),
      examPasses: passes.map((pass) => ({ examId: pass.examId, name: examName.get(pass.examId) ?? { ja: pass.examId, en: pass.examId }, passedOn: pass.passedOn })),
    };
  }

  /**
   * 確認する / 差し戻す, answering instead of throwing (the chat card shows each refusal on itself): refused for
   * one's own level, another 課, a non-confirmer, a level no longer claimed and a 差し戻し without a comment; nothing
   * is written when refused. A request someone else already decided comes back with that decision, for the caller's
   * own 課 only, so a second confirmer sees who decided.
   */
  async function attempt(callerId: string, input: DecisionInput): Promise<DecisionAttempt> {
    const refused = (problem: DecisionRefusal, alreadyDecided?: SkillConfirmation): DecisionAttempt => ({ outcome: 'refused', problem, message: REFUSAL_MESSAGES[problem], alreadyDecided });
    const caller = await deps.employees.get(callerId);
    if (!caller) return refused('not-a-confirmer');
    if (input.employeeId === callerId) return refused('own-level');
    const [request, employee, colleagues, assessment] = await Promise.all([
      deps.confirmations.get(input.employeeId, input.skillId),
      deps.employees.get(input.employeeId),
      deps.employees.list(),
      deps.assessments.get(input.employeeId),
    ]);
    if (employee && employee.departmentId !== caller.departmentId) return refused('outside-section');
    const { route, confirmers } = employee ? confirmersFor(employee, colleagues) : { route: 'none' as const, confirmers: [] };
    const problem = checkDecision({
      caller,
      request,
      claimedLevel: input.level,
      currentLevel: levelOf(input.skillId, new Set(assessment.ticked)),
      route,
      confirmers,
    });
    if (problem === 'not-pending' && request && request.level === input.level && (request.status === 'confirmed' || request.status === 'returned') && request.departmentId === caller.departmentId) {
      return refused(problem, request);
    }
    if (problem) return refused(problem);
    const comment = input.comment?.trim() || undefined;
    if (input.decision === 'return' && !comment) return refused('comment-required');
    const decided: SkillConfirmation = {
      ...request!,
      status: input.decision === 'confirm' ? 'confirmed' : 'returned',
      decidedBy: caller.id,
      decidedByName: caller.displayName,
      decidedAt: now().toISOString(),
      comment,
    };
    const written = await deps.confirmations.decide(decided);
    if (!written.saved) {
      // Another confirmer decided between our read and write (or the employee claimed again): theirs stands.
      const now = written.current;
      const decidedBySomeone = now && now.level === input.level && (now.status === 'confirmed' || now.status === 'returned');
      return refused(decidedBySomeone ? 'not-pending' : 'no-longer-claimed', decidedBySomeone ? now : undefined);
    }
    await deps.notifier.decided(decided, employee);
    return { outcome: 'decided', confirmation: decided };
  }

  return {
    /** After a save: each raised level becomes a request to the 課's confirmers, or stays 自己評価 when there is none. */
    async levelsChanged(employeeId: string, before: SkillLevels, after: SkillLevels): Promise<void> {
      const raised = raisedLevels(before, after);
      if (raised.length === 0) return;
      const [employee, colleagues] = await Promise.all([deps.employees.get(employeeId), deps.employees.list()]);
      if (!employee) return;
      const { route, confirmers } = confirmersFor(employee, colleagues);
      const at = now().toISOString();
      for (const { skillId, level } of raised) {
        const request: SkillConfirmation = {
          employeeId,
          skillId,
          level,
          status: route === 'none' ? 'self-assessed' : 'pending',
          route,
          departmentId: employee.departmentId,
          requestedAt: at,
          decidedBy: undefined,
          decidedByName: undefined,
          decidedAt: undefined,
          comment: undefined,
        };
        await deps.confirmations.save(request);
        if (route !== 'none') {
          const item = { employeeId, employeeName: employee.displayName, skillId, level, requestedAt: at, route, evidence: await evidenceFor(employeeId, skillId) };
          await deps.notifier.requested(item, confirmers);
        }
      }
    },

    /** 自己評価 / 確認待ち / 確認済み / 差し戻し for each skill at the level the ticks give today. */
    async statusOf(employeeId: string, levels: SkillLevels): Promise<LevelConfirmationView[]> {
      const rows = new Map((await deps.confirmations.listForEmployee(employeeId)).map((row) => [row.skillId, row]));
      return SKILLS.map((skill) => {
        const level = levels[skill.id];
        const row = rows.get(skill.id);
        const current = row && row.level === level ? row : undefined;
        return {
          skillId: skill.id,
          level,
          status: current?.status ?? 'self-assessed',
          label: confirmationLabel(current, level),
          route: current?.route,
          routeNote: current && current.status !== 'confirmed' ? ROUTE_NOTES[current.route] : undefined,
          decidedByName: current?.decidedByName,
          decidedAt: current?.decidedAt,
          comment: current?.comment,
        };
      });
    },

    /** The caller's queue: claims in their 課 that they may confirm and the employee still makes. */
    async queue(callerId: string): Promise<ConfirmationQueueItem[]> {
      const caller = await deps.employees.get(callerId);
      if (!caller?.departmentId) return [];
      const [pending, colleagues] = await Promise.all([deps.confirmations.listPending(caller.departmentId), deps.employees.list()]);
      const byId = new Map(colleagues.map((colleague) => [colleague.id, colleague]));
      const mine = pending.flatMap((request) => {
        const employee = request.employeeId === callerId ? undefined : byId.get(request.employeeId);
        if (!employee) return [];
        const { confirmers, route } = confirmersFor(employee, colleagues);
        return confirmers.some((confirmer) => confirmer.id === callerId) ? [{ request, employee, route }] : [];
      });
      // Each item needs the employee's current ticks and evidence (a few partition reads): a few items at a time.
      const items: ConfirmationQueueItem[] = [];
      for (let index = 0; index < mine.length; index += QUEUE_READS_AT_ONCE) {
        const batch = await Promise.all(
          mine.slice(index, index + QUEUE_READS_AT_ONCE).map(async ({ request, employee, route }) => {
            const [assessment, evidence] = await Promise.all([deps.assessments.get(request.employeeId), evidenceFor(employee.id, request.skillId)]);
            // A level the employee no longer claims leaves the queue.
            if (levelOf(request.skillId, new Set(assessment.ticked)) !== request.level) return undefined;
            return { employeeId: employee.id, employeeName: employee.displayName, skillId: request.skillId, level: request.level, requestedAt: request.requestedAt, route, evidence };
          }),
        );
        items.push(...batch.filter((item) => item !== undefined));
      }
      return items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    },

    attempt,

    /** The tab's 確認する / 差し戻す: the same rules as `attempt`, a refusal thrown as a 403 or 400 with its reason. */
    async decide(callerId: string, input: DecisionInput): Promise<SkillConfirmation> {
      const result = await attempt(callerId, input);
      if (result.outcome === 'decided') return result.confirmation;
      throw refuse(result.problem, `${callerId} deciding ${input.employeeId}/${input.skillId} LV${input.level}: ${result.problem}`);
    },

    /** What a confirmer's card shows of a request (name, evidence), for the caller's own 課 only. */
    async requestItem(callerId: string, employeeId: string, skillId: SkillId): Promise<ConfirmationQueueItem | undefined> {
      const [caller, request, employee, colleagues] = await Promise.all([
        deps.employees.get(callerId),
        deps.confirmations.get(employeeId, skillId),
        deps.employees.get(employeeId),
        deps.employees.list(),
      ]);
      if (!caller?.departmentId || !request || !employee || request.departmentId !== caller.departmentId) return undefined;
      const { route } = confirmersFor(employee, colleagues);
      return { employeeId, employeeName: employee.displayName, skillId, level: request.level, requestedAt: request.requestedAt, route, evidence: await evidenceFor(employeeId, skillId) };
    },

    /** The employee's own timeline per skill (level, date, confirmed by) and levels per 年度. */
    async timeline(employeeId: string) {
      const [changes, decisions] = await Promise.all([deps.assessments.history(employeeId), deps.confirmations.log(employeeId)]);
      return skillTimeline(changes, decisions, now());
    },
    currentRows: () => deps.confirmations.listAll(),
    levelsOf: (ticked: readonly string[]) => levelsFromTicks(new Set(ticked)),
  };
}

export type SkillConfirmationService = ReturnType<typeof createSkillConfirmationService>;
