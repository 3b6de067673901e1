import { adminCheck } from '../../../kernel/domain/access.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { CourseRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { NewsItem } from '../../news/domain/news-items.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../kernel/domain/jst.js';
import type { TrainingSessionRepository } from '../../training/domain/training-ports.js';
import { PROGRAMME_FISCAL_YEARS, type NominationRepository } from './award-nominations.js';
import { checkEvaluationYear, checkHrFigure, evaluateLogicModel, type HrFigureRepository, type ProgrammeRecords, type SurveyYearMeans } from './logic-model.js';

/** The survey's year-over-year means (the closed annual rounds' final figures; the 2024 baseline before). */
export type SurveyTrend = readonly { questionId: string; points: readonly { fiscalYear: number; mean?: number | undefined; n?: number | undefined }[] }[];

/** 管理 → 事業評価: the logic-model dashboard of a fiscal year and 人事課's figure for outcome 02. */
export function createEvaluationService(deps: {
  employees: Pick<EmployeeRepository, 'get' | 'list'>;
  courses: Pick<CourseRepository, 'list'>;
  sessions: Pick<TrainingSessionRepository, 'listAll' | 'enrollments'>;
  news: { list(): Promise<NewsItem[]> };
  nominations: Pick<NominationRepository, 'list'>;
  hrFigures: HrFigureRepository;
  surveyTrend: (adminId: string) => Promise<SurveyTrend>;
  /** DX相談's figures of the fiscal year from the desk metrics, read as デジタル推進課. */
  consultations: (adminId: string, fiscalYear: number) => Promise<ProgrammeRecords['consultations']>;
  examPasses: { listAll(): Promise<readonly { employeeId: string; examId: string; passedOn: string }[]> };
  exams: { list(): Promise<readonly { id: string; name: LocalizedText }[]> };
  /** The delivery engine's broadcasts: kind, start and the final counts once finished. */
  broadcasts: () => Promise<readonly { kind: string; createdAt: string; finalCounts?: { sent: number } | undefined }[]>;
  /** The confirmation reports of sent items that asked for 「確認しました」 (counts only are used). */
  newsConfirmations: (adminId: string) => Promise<readonly { newsId: string; title: string; publishedAt?: string | undefined; total: number; confirmed: number }[]>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const requireAdmin = adminCheck(deps.employees);
  const yearsUpTo = (current: number) => {
    const years: number[] = [];
    for (let year = PROGRAMME_FISCAL_YEARS.first; year <= Math.min(PROGRAMME_FISCAL_YEARS.last, current); year++) years.push(year);
    return years;
  };
  return {
    async evaluate(adminId: string, requestedYear: number | undefined) {
      await requireAdmin(adminId);
      const at = now();
      const current = fiscalYearOf(at);
      const fiscalYear = checkEvaluationYear(requestedYear ?? Math.min(current, PROGRAMME_FISCAL_YEARS.last), current);
      const bounds = fiscalYearBounds(fiscalYear);
      const [courses, allSessions, news, employees, nominations, hrFigure, trend, consultations, examPasses, exams, broadcasts, confirmations] = await Promise.all([
        deps.courses.list(),
        deps.sessions.listAll(),
        deps.news.list(),
        deps.employees.list(),
        deps.nominations.list(),
        deps.hrFigures.get(fiscalYear),
        deps.surveyTrend(adminId),
        deps.consultations(adminId, fiscalYear),
        deps.examPasses.listAll(),
        deps.exams.list(),
        deps.broadcasts(),
        deps.newsConfirmations(adminId),
      ]);
      // Enrolments are read only for the year's sessions that have started (a few hundred a year at most).
      const held = allSessions.filter((session) => !session.cancelled && new Date(session.startsAt) >= bounds.start && new Date(session.startsAt) < bounds.end && new Date(session.startsAt) <= at);
      const sessions = await Promise.all(held.map(async (session) => ({ session, enrollments: await deps.sessions.enrollments(session.id) })));
      const surveyMeans: SurveyYearMeans = new Map();
      for (const question of trend) {
        for (const point of question.points) {
          const year = surveyMeans.get(point.fiscalYear) ?? new Map();
          year.set(question.questionId, { mean: point.mean, n: point.n });
          surveyMeans.set(point.fiscalYear, year);
        }
      }
      const outcomes = evaluateLogicModel({
        fiscalYear,
        bounds,
        now: at,
        courses,
        sessions,
        newsPublishedAt: news.filter((item) => item.state === 'published').map((item) => ({ id: item.id, category: item.category, publishedAt: item.publishedAt })),
        employees,
        nominations,
        surveyMeans,
        hrFigure,
        consultations,
        examPasses,
        exams,
        newsBroadcasts: broadcasts.map((broadcast) => ({ kind: broadcast.kind, createdAt: broadcast.createdAt, delivered: broadcast.finalCounts?.sent })),
        newsConfirmations: confirmations.map((report) => ({ newsId: report.newsId, title: report.title, publishedAt: report.publishedAt, asked: report.total, confirmed: report.confirmed })),
      });
      return { fiscalYear, years: yearsUpTo(current), outcomes };
    },
    /** 人事課's figure for outcome 02, entered by デジタル推進課 for a year of the policy's period. */
    async saveHrFigure(adminId: string, fiscalYear: number, value: number) {
      await requireAdmin(adminId);
      checkEvaluationYear(fiscalYear, fiscalYearOf(now()));
      const figure = { fiscalYear, value: checkHrFigure(value), enteredBy: adminId, enteredAt: now().toISOString() };
      await deps.hrFigures.save(figure);
      return figure;
    },
  };
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
