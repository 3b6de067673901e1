import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import { createAwardsService } from './domain/awards-service.js';
import { registerProgrammeRoutes } from './programme-routes.js';
import { createNominationRepository } from './storage/nomination-repository.js';

export function createProgrammeRepositories(storage: TableStorage) {
  return { awardNominations: createNominationRepository(storage) };
}
export type ProgrammeRepositories = ReturnType<typeof createProgrammeRepositories>;

/** 事業評価 (issue 19): 評価・表彰 nominations, review and awards. */
export function createProgrammeModule(deps: { repositories: KernelRepositories & ProgrammeRepositories }) {
  const r = deps.repositories;
  const awards = createAwardsService({ nominations: r.awardNominations, employees: r.employees, departments: r.departments });
  const module: FeatureModule = {
    name: 'programme',
    registerRoutes: (server, http) => registerProgrammeRoutes(server, { ...http, awards }),
  };
  return { awards, module };
}
