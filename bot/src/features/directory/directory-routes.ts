import type { Request, Server } from 'restify';
import { z } from 'zod';
import { JOB_LEVEL_LABELS, JOB_LEVELS } from '../../kernel/domain/catalog/job-levels.js';
import { authenticatedRoute, localeOfRequest, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import { readUpload } from '../../kernel/http/upload.js';
import type { Logger } from '../../logger.js';
import type { directoryAuditSchema, jobLevelSpellingsSchema, promotersSchema, rosterImportSchema, setupSchema, StaffEntryView } from './directory-api.js';
import type { DirectoryRoles } from './domain/directory-roles.js';
import type { DirectoryService } from './domain/directory-service.js';
import { JOB_LEVEL_SPELLINGS } from './domain/job-level-spellings.js';
import { MAX_ROSTER_BYTES } from './domain/roster-file.js';
import type { StaffRecord } from './domain/roster-diff.js';

export const ROSTER_UPLOAD_PATH = '/api/tab/admin/roster';

const importQuerySchema = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
  /** 異動 take effect on a date HR chooses: the import date by default, 4月1日 for April's transfers. */
  effectiveDate: z.iso.date().optional(),
});

const promoterBodySchema = z.object({ staffNumber: z.string().trim().min(1).max(20).nullable() });
const departmentIdSchema = z.string().trim().min(1).max(100);

const entryOf = ({ employeeId: _employeeId, updatedAt: _updatedAt, ...entry }: StaffRecord): StaffEntryView => entry;

/** 職員名簿 for デジタル推進課: HR's roster file in (preview, then apply), the 職層 table, the audit log. */
export function registerDirectoryRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; directory: DirectoryService; roles: DirectoryRoles; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);

  server.post(
    ROSTER_UPLOAD_PATH,
    handle(async (req, employeeId): Promise<Contract<typeof rosterImportSchema>> => {
      const query = parseInput(importQuerySchema, req.query ?? {});
      const dryRun = query.dryRun === '1' || query.dryRun === 'true';
      const bytes = await readUpload(req, MAX_ROSTER_BYTES);
      const result = await deps.directory.importRoster(employeeId, bytes, { dryRun, effectiveDate: query.effectiveDate });
      const locale = localeOfRequest(req);
      const change = ({ before, after }: { before: StaffRecord; after: StaffRecord }) => ({ before: entryOf(before), after: entryOf(after) });
      return {
        dryRun: result.dryRun,
        encoding: result.encoding ?? null,
        effectiveDate: result.effectiveDate,
        added: (result.plan?.added ?? []).map(entryOf),
        changed: (result.plan?.changed ?? []).map(change),
        transferred: (result.plan?.transferred ?? []).map(change),
        deactivated: (result.plan?.deactivated ?? []).map(change),
        unchanged: result.plan?.unchanged ?? 0,
        transfers: (result.plan?.transfers ?? []).map(({ importId: _importId, ...transfer }) => transfer),
        errors: result.errors.map((error) => ({ line: error.line, column: error.column ?? null, message: error.message[locale] })),
        rowsWritten: result.rowsWritten,
      };
    }),
  );
  server.get(
    '/api/tab/admin/roster/job-levels',
    handle(async (req): Promise<Contract<typeof jobLevelSpellingsSchema>> => {
      const locale = localeOfRequest(req);
      return { spellings: JOB_LEVELS.map((jobLevel) => ({ jobLevel, label: JOB_LEVEL_LABELS[jobLevel][locale], spellings: [...JOB_LEVEL_SPELLINGS[jobLevel]] })) };
    }),
  );
  server.get('/api/tab/admin/directory/promoters', handle(async (_req, employeeId): Promise<Contract<typeof promotersSchema>> => ({ sections: await deps.roles.listPromoters(employeeId) })));
  server.put(
    '/api/tab/admin/directory/promoters/:departmentId',
    handle(async (req, employeeId) => {
      const { staffNumber } = parseInput(promoterBodySchema, req.body);
      const assignment = await deps.roles.assignPromoter(employeeId, parseInput(departmentIdSchema, req.params.departmentId), staffNumber ?? undefined);
      return { assignment: assignment ?? null };
    }),
  );
  /** For everyone: whether an admin exists yet; without one the tab says how to make the first. */
  server.get('/api/tab/directory/setup', handle(async (): Promise<Contract<typeof setupSchema>> => ({ hasAdmin: await deps.roles.hasAdmin() })));
  server.get(
    '/api/tab/admin/directory/audit',
    handle(async (req, employeeId): Promise<Contract<typeof directoryAuditSchema>> => {
      const locale = localeOfRequest(req);
      return {
        entries: (await deps.directory.auditLog(employeeId)).map(({ at, actorName, action, detail, detailEn }) => ({ at, actorName, action, detail: locale === 'en' ? (detailEn ?? detail) : detail })),
      };
    }),
  );
}
