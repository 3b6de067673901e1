import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { createCatalogService } from './domain/catalog-service.js';
import { createProgrammeTextRepository } from './storage/programme-text-repository.js';

export function createCatalogRepositories(storage: TableStorage) {
  return { programmeTexts: createProgrammeTextRepository(storage) };
}
export type CatalogRepositories = ReturnType<typeof createCatalogRepositories>;

/** 研修・試験カタログ: the policy catalog (seeded at start), its admin edits and the programme texts. */
export function createCatalogModule(deps: { repositories: KernelRepositories & CatalogRepositories }) {
  const { courses, exams, programmeTexts, employees } = deps.repositories;
  const catalog = createCatalogService({ courses, exams, texts: programmeTexts, employees });
  const module: FeatureModule = {
    name: 'catalog',
    registerRoutes: (server, http) => registerCatalogRoutes(server, { ...http, catalog }),
    start: async () => void (await catalog.ensurePolicyCatalog()),
  };
  return { catalog, module };
}
