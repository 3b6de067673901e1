import type { Server } from 'restify';
import { z } from 'zod';
import { jstDate } from '../../kernel/domain/jst.js';
import type { SkillReportService } from './domain/skill-report-service.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, FileResponse, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import { stepUpTargetInputSchema, type departmentDistributionSchema, type stepUpTargetsSchema, type departmentTrendSchema, type wardTrendSchema, type wardDistributionSchema } from './skills-api.js';
import { JOB_LEVELS } from '../../kernel/domain/catalog/job-levels.js';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';

const departmentQuerySchema = z.object({ departmentId: z.string().trim().min(1).max(100).optional() });

/** Skill distributions (groups under five suppressed) and the 人材データ export; who may see what is the domain's rule. */
export function registerReportRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; reports: SkillReportService; log: Logger; now?: () => Date }): void {
  server.get(
    '/api/tab/department/skills',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof departmentDistributionSchema>> => deps.reports.department(employeeId, parseInput(departmentQuerySchema, req.query ?? {}).departmentId)),
  );
  server.get('/api/tab/admin/skills/distribution', authenticatedRoute(deps, (_req, employeeId): Promise<Contract<typeof wardDistributionSchema>> => deps.reports.wardWide(employeeId)));
  server.get(
    '/api/tab/department/skills/trend',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof departmentTrendSchema>> => deps.reports.departmentTrend(employeeId, parseInput(departmentQuerySchema, req.query ?? {}).departmentId)),
  );
  server.get('/api/tab/admin/skills/trend', authenticatedRoute(deps, (_req, employeeId): Promise<Contract<typeof wardTrendSchema>> => deps.reports.wardTrend(employeeId)));
  const targetPath = '/api/tab/admin/skills/targets/:jobLevel/:skillId';
  const targetKey = (params: Record<string, string>) => parseInput(z.object({ jobLevel: z.enum(JOB_LEVELS), skillId: z.enum(SKILL_IDS) }), { jobLevel: params.jobLevel, skillId: params.skillId });
  server.get('/api/tab/admin/skills/targets', authenticatedRoute(deps, async (_req, employeeId): Promise<Contract<typeof stepUpTargetsSchema>> => ({ targets: await deps.reports.listTargets(employeeId) })));
  server.put(
    targetPath,
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof stepUpTargetsSchema>> => {
      const input = parseInput(stepUpTargetInputSchema, req.body ?? {});
      return { targets: await deps.reports.setTarget(employeeId, { ...targetKey(req.params), ...input }) };
    }),
  );
  server.del(
    targetPath,
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof stepUpTargetsSchema>> => {
      const { jobLevel, skillId } = targetKey(req.params);
      return { targets: await deps.reports.removeTarget(employeeId, jobLevel, skillId) };
    }),
  );
  server.get(
    '/api/tab/admin/export/talent-data.csv',
    authenticatedRoute(deps, async (_req, employeeId) => {
      const body = await deps.reports.talentDataCsv(employeeId);
      const today = jstDate(deps.now?.() ?? new Date());
      return new FileResponse({ contentType: 'text/csv; charset=utf-8', fileName: `人材データ_${today}.csv`, body });
    }),
  );
}
