import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import { registerDirectoryRoutes, ROSTER_UPLOAD_PATH } from './directory-routes.js';
import { createDirectoryService } from './domain/directory-service.js';
import { createDirectoryAuditRepository, createStaffDirectoryRepository } from './storage/staff-directory-repository.js';

export function createDirectoryRepositories(storage: TableStorage) {
  return { staffDirectory: createStaffDirectoryRepository(storage), directoryAudit: createDirectoryAuditRepository(storage) };
}
export type DirectoryRepositories = ReturnType<typeof createDirectoryRepositories>;

/** 職員名簿 (issue 12): HR's roster as the source of truth for staff, departments, job levels; identity linking. */
export function createDirectoryModule(deps: { repositories: KernelRepositories & DirectoryRepositories; now?: () => Date }) {
  const r = deps.repositories;
  const directory = createDirectoryService({ staff: r.staffDirectory, employees: r.employees, departments: r.departments, audit: r.directoryAudit, now: deps.now });
  const module: FeatureModule = {
    name: 'directory',
    registerRoutes: (server, http) => registerDirectoryRoutes(server, { ...http, directory }),
  };
  return { module, directory, uploadPaths: [ROSTER_UPLOAD_PATH] };
}
