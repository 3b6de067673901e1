import type { Server } from 'restify';
import { z } from 'zod';
import { authenticatedRoute, FileResponse, localeOfRequest, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Logger } from '../../logger.js';
import type { deskMetricsSchema } from './desk-metrics-api.js';
import type { DeskMetricsService } from './domain/desk-metrics-service.js';

const yearQuerySchema = z.object({ fiscalYear: z.coerce.number().int().min(1900).max(2200).optional() }).loose();

/**
 * 管理 → 相談の分析 (デジタル推進課 only; the verified token's employee must hold the admin role, else 403): the desk
 * metrics of a fiscal year as JSON, and the same figures as a CSV for Excel.
 */
export function registerDeskMetricsRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; deskMetrics: DeskMetricsService; log: Logger }): void {
  const yearOf = (query: unknown) => parseInput(yearQuerySchema, query ?? {}).fiscalYear;
  server.get(
    '/api/tab/admin/desk-metrics',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof deskMetricsSchema>> => deps.deskMetrics.metrics(employeeId, yearOf(req.query))),
  );
  server.get(
    '/api/tab/admin/desk-metrics/report.csv',
    authenticatedRoute(deps, async (req, employeeId) => {
      const locale = localeOfRequest(req);
      const { fiscalYear, csv } = await deps.deskMetrics.csv(employeeId, yearOf(req.query), locale);
      return new FileResponse({ contentType: 'text/csv; charset=utf-8', fileName: locale === 'ja' ? `相談の分析_${fiscalYear}年度.csv` : `desk-metrics_FY${fiscalYear}.csv`, body: csv });
    }),
  );
}
