import { DEV_SURVEY_KEY } from '../config.js';
import { createKernelRepositories } from '../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../kernel/storage/table-storage.js';
import { createCatalogRepositories } from './catalog/index.js';
import { createConsultationRepositories } from './consultation/index.js';
import { createDirectoryRepositories } from './directory/index.js';
import { createNewsRepositories } from './news/index.js';
import { createProgrammeRepositories } from './programme/index.js';
import { createSkillsRepositories } from './skills/index.js';
import { createSurveyRepositories } from './survey/index.js';
import { createTrainingRepositories } from './training/index.js';

/**
 * Every repository, the kernel's and each feature's. The public development key is only a default for tests that
 * build repositories directly; startApp always passes the configured key.
 */
export function createRepositories(
  storage: TableStorage,
  options: { surveyKey: string } = { surveyKey: DEV_SURVEY_KEY },
) {
  return {
    ...createKernelRepositories(storage),
    ...createCatalogRepositories(storage),
    ...createSkillsRepositories(storage),
    ...createTrainingRepositories(storage),
    ...createSurveyRepositories(storage, options),
    ...createConsultationRepositories(storage),
    ...createNewsRepositories(storage),
    ...createDirectoryRepositories(storage),
    ...createProgrammeRepositories(storage),
  };
}
