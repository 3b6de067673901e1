import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import type { SkillService } from '../skills/domain/skill-service.js';
import { createTrainingService } from './domain/training-service.js';
import { createCompletionRepository } from './storage/completion-repository.js';
import { createTrainingSessionRepository } from './storage/training-session-repository.js';
import { createSessionCancellationNotifier } from './training-notifier.js';
import { registerTrainingRoutes } from './training-routes.js';
import { createTrainingFeature } from './training-teams.js';

export function createTrainingRepositories(storage: TableStorage) {
  return {
    trainingSessions: createTrainingSessionRepository(storage),
    completions: createCompletionRepository(storage),
  };
}
export type TrainingRepositories = ReturnType<typeof createTrainingRepositories>;

/** 研修: sessions, enrolment with waitlist, attendance and completions; cancellations are told through delivery. */
export function createTrainingModule(deps: {
  repositories: KernelRepositories & TrainingRepositories;
  delivery: Pick<DeliveryEngine, 'send'>;
  skills: SkillService;
  tabUrl: string;
}) {
  const r = deps.repositories;
  const training = createTrainingService({
    sessions: r.trainingSessions,
    courses: r.courses,
    employees: r.employees,
    completions: r.completions,
    cancellations: createSessionCancellationNotifier({ engine: deps.delivery, employees: r.employees }),
  });
  const chat = createTrainingFeature({ skills: deps.skills, training, tabUrl: deps.tabUrl });
  const module: FeatureModule = {
    name: 'training',
    chat: { commands: { 'find-training': chat.findTraining }, invokeRoutes: chat.invokeRoutes },
    registerRoutes: (server, http) => registerTrainingRoutes(server, { ...http, training }),
  };
  return { training, module };
}
