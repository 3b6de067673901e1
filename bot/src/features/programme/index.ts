import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import type { NewsService } from '../news/domain/news-service.js';
import { createAwardsService } from './domain/awards-service.js';
import { registerProgrammeRoutes } from './programme-routes.js';
import { createNominationNotifier } from './programme-notifier.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import { createNominationRepository } from './storage/nomination-repository.js';
import { createHrFigureRepository } from './storage/hr-figure-repository.js';
import { createEvaluationService } from './domain/evaluation-service.js';
import type { SurveyService } from '../survey/domain/survey-service.js';
import type { DeskMetricsService } from '../consultation/domain/desk-metrics-service.js';
import type { NewsRepositories } from '../news/index.js';
import type { TrainingRepositories } from '../training/index.js';
import type { SkillsRepositories } from '../skills/index.js';

export function createProgrammeRepositories(storage: TableStorage) {
  return { awardNominations: createNominationRepository(storage), programmeFigures: createHrFigureRepository(storage) };
}
export type ProgrammeRepositories = ReturnType<typeof createProgrammeRepositories>;

/**
 * 事業評価 (issue 19): 評価・表彰 nominations, review, awards, their インフォメーション item and the 優良事例 gallery;
 * the logic-model dashboard (管理 → 事業評価) and 人事課's figure for outcome 02.
 */
export function createProgrammeModule(deps: {
  repositories: KernelRepositories & ProgrammeRepositories & NewsRepositories & TrainingRepositories & SkillsRepositories;
  news: Pick<NewsService, 'sendNow' | 'confirmationReports'>;
  surveys: Pick<SurveyService, 'trend'>;
  /** DX相談's figures come from the desk metrics (相談の分析), so the two pages never disagree. */
  deskMetrics: Pick<DeskMetricsService, 'metrics'>;
  delivery: Pick<DeliveryEngine, 'send' | 'list'>;
  tabUrl: string;
}) {
  const r = deps.repositories;
  const awards = createAwardsService({
    nominations: r.awardNominations,
    employees: r.employees,
    departments: r.departments,
    publishNews: (adminId, newsId, input) => deps.news.sendNow(adminId, newsId, input),
    notifyNominator: createNominationNotifier({ engine: deps.delivery, employees: r.employees, tabUrl: deps.tabUrl }),
  });
  const evaluation = createEvaluationService({
    employees: r.employees,
    courses: r.courses,
    sessions: r.trainingSessions,
    news: r.news,
    nominations: r.awardNominations,
    hrFigures: r.programmeFigures,
    surveyTrend: (adminId) => deps.surveys.trend(adminId),
    consultations: async (adminId, fiscalYear) => (await deps.deskMetrics.metrics(adminId, fiscalYear)).year,
    examPasses: r.examPasses,
    exams: r.exams,
    broadcasts: () => deps.delivery.list(),
    newsConfirmations: (adminId) => deps.news.confirmationReports(adminId),
  });
  const module: FeatureModule = {
    name: 'programme',
    registerRoutes: (server, http) => registerProgrammeRoutes(server, { ...http, awards, evaluation }),
  };
  return { awards, evaluation, module };
}
