import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import type { NewsService } from '../news/domain/news-service.js';
import { createAwardsService } from './domain/awards-service.js';
import { registerProgrammeRoutes } from './programme-routes.js';
import { createNominationRepository } from './storage/nomination-repository.js';

export function createProgrammeRepositories(storage: TableStorage) {
  return { awardNominations: createNominationRepository(storage) };
}
export type ProgrammeRepositories = ReturnType<typeof createProgrammeRepositories>;

/** 事業評価 (issue 19): 評価・表彰 nominations, review, awards, their インフォメーション item and the 優良事例 gallery. */
export function createProgrammeModule(deps: { repositories: KernelRepositories & ProgrammeRepositories; news: Pick<NewsService, 'sendNow'> }) {
  const r = deps.repositories;
  const awards = createAwardsService({
    nominations: r.awardNominations,
    employees: r.employees,
    departments: r.departments,
    publishNews: (adminId, newsId, input) => deps.news.sendNow(adminId, newsId, input),
  });
  const module: FeatureModule = {
    name: 'programme',
    registerRoutes: (server, http) => registerProgrammeRoutes(server, { ...http, awards }),
  };
  return { awards, module };
}
