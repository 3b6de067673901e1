import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import type { SurveyNotifier } from './domain/survey-ports.js';
import { createSurveyService } from './domain/survey-service.js';
import { createSurveyResponseRepository, createSurveyRoundRepository } from './storage/survey-repository.js';
import { createSurveyNotifier } from './survey-notifier.js';
import { registerSurveyRoutes } from './survey-routes.js';
import { createSurveyFeature } from './survey-teams.js';

export function createSurveyRepositories(storage: TableStorage, options: { surveyKey: string }) {
  return {
    surveyRounds: createSurveyRoundRepository(storage),
    surveyResponses: createSurveyResponseRepository(storage, { secret: options.surveyKey }),
  };
}
export type SurveyRepositories = ReturnType<typeof createSurveyRepositories>;

/** アンケート (issue 5): rounds, anonymous answers, results; invitations and reminders through delivery. */
export function createSurveyModule(deps: {
  repositories: KernelRepositories & SurveyRepositories;
  delivery: Pick<DeliveryEngine, 'send'>;
  /** Replaces the delivery engine's invitations and reminders (tests that count who would be reminded). */
  notifier?: SurveyNotifier | undefined;
  tabUrl: string;
}) {
  const r = deps.repositories;
  const surveys = createSurveyService({
    rounds: r.surveyRounds,
    responses: r.surveyResponses,
    employees: r.employees,
    departments: r.departments,
    notifier: deps.notifier ?? createSurveyNotifier({ engine: deps.delivery, employees: r.employees }),
  });
  const chat = createSurveyFeature({ surveys, tabUrl: deps.tabUrl });
  const module: FeatureModule = {
    name: 'survey',
    chat: { commands: { survey: chat.survey }, invokeRoutes: chat.invokeRoutes, textRoutes: chat.textRoutes },
    registerRoutes: (server, http) => registerSurveyRoutes(server, { ...http, surveys }),
    // Reminders are checked every ten minutes; each due slot is claimed once across instances. Waiting answers are
    // written in batches every ten minutes (when five wait, or one from an earlier day); snapshots once a day.
    jobs: [
      {
        name: 'survey-answer-batches',
        pattern: '*/10 * * * *',
        timezone: 'Asia/Tokyo',
        run: async () => void (await surveys.writeAnswerBatches()),
      },
      {
        name: 'survey-snapshots',
        pattern: '0 5 * * *',
        timezone: 'Asia/Tokyo',
        run: async () => void (await surveys.takeSnapshots()),
      },
      {
        name: 'survey-reminders',
        pattern: '*/10 * * * *',
        timezone: 'Asia/Tokyo',
        run: async () => void (await surveys.sendDueReminders()),
      },
    ],
  };
  return { surveys, module };
}
