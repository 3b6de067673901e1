import type { VerifiedCaller } from '../../kernel/http/tab-token-verifier.js';
import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { Logger } from '../../logger.js';
import type { FeatureModule } from '../feature-module.js';
import { createChatIdentityLinker } from './directory-teams.js';
import { registerDirectoryRoutes, ROSTER_UPLOAD_PATH } from './directory-routes.js';
import { createDirectoryRoles } from './domain/directory-roles.js';
import { createDirectoryService } from './domain/directory-service.js';
import { departmentNameOf } from './domain/roster-diff.js';
import { createEntraProfileFill } from './domain/entra-profile-service.js';
import { createGraphProfileSource, type GraphProfileConfig } from './storage/graph-profile.js';
import { createDirectoryAuditRepository, createEntraProfileRepository, createStaffDirectoryRepository } from './storage/staff-directory-repository.js';

export function createDirectoryRepositories(storage: TableStorage) {
  return {
    staffDirectory: createStaffDirectoryRepository(storage),
    directoryAudit: createDirectoryAuditRepository(storage),
    entraProfiles: createEntraProfileRepository(storage),
  };
}
export type DirectoryRepositories = ReturnType<typeof createDirectoryRepositories>;

/** 職員名簿 (issue 12): HR's roster as the source of truth for staff, departments, job levels; identity linking. */
export function createDirectoryModule(deps: {
  repositories: KernelRepositories & DirectoryRepositories;
  bootstrapAdminUpns: readonly string[];
  /** Entra profile fill through Microsoft Graph; off when undefined. */
  graphProfile?: GraphProfileConfig | undefined;
  log: Logger;
  now?: () => Date;
}) {
  const r = deps.repositories;
  const ports = { staff: r.staffDirectory, employees: r.employees, departments: r.departments, audit: r.directoryAudit, now: deps.now };
  const directory = createDirectoryService(ports);
  const roles = createDirectoryRoles({ ...ports, bootstrapAdminUpns: deps.bootstrapAdminUpns });
  const fillFromEntra =
    deps.graphProfile &&
    createEntraProfileFill({
      source: createGraphProfileSource(deps.graphProfile),
      profiles: r.entraProfiles,
      employees: r.employees,
      departments: r.departments,
      now: deps.now,
      onFailure: (employeeId, error) => deps.log.warn('Entra profile fill failed; the tab loads without it', { employeeId, error }),
    });
  const module: FeatureModule = {
    name: 'directory',
    registerRoutes: (server, http) => registerDirectoryRoutes(server, { ...http, directory, roles }),
  };
  return {
    module,
    directory,
    /**
     * The tab's load links the caller by the token's UPN (no write when already linked), follows their app roles,
     * and (when configured) fills from Entra what the roster does not cover yet.
     */
    onTabLoad: async (caller: VerifiedCaller, userAssertion: string) => {
      const employee = await directory.linkIdentity(caller.employeeId, caller.upn);
      await roles.applySignInRoles(caller, { employee });
      await fillFromEntra?.(caller, userAssertion);
    },
    linkChatIdentity: createChatIdentityLinker({ directory, log: deps.log }),
    uploadPaths: [ROSTER_UPLOAD_PATH],
    /** Active roster rows with their 課 name: the local dev sign-in lists them (never used with Entra SSO). */
    activeStaff: async () =>
      (await r.staffDirectory.listStaff())
        .filter((record) => record.status === 'active')
        .map((record) => ({ staffNumber: record.staffNumber, name: record.name, departmentName: departmentNameOf(record), jobLevel: record.jobLevel, upn: record.upn, employeeId: record.employeeId })),
  };
}
