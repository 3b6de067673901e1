import type { Request, Server } from 'restify';
import { z } from 'zod';
import { authenticatedRoute, FileResponse, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import { annualReportWorkbook } from './annual-report-xlsx.js';
import { annualReportSheets } from './domain/annual-report.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Logger } from '../../logger.js';
import { AWARD_CATEGORIES, NOMINATION_LIMITS } from './domain/award-nominations.js';
import type { AwardsService } from './domain/awards-service.js';
import type { EvaluationService } from './domain/evaluation-service.js';
import type { awardPublishedSchema, evaluationSchema, gallerySchema, hrFigureSchema, nominationListSchema, nominationResponseSchema } from './programme-api.js';

// The edge only bounds sizes generously and checks types; the domain gives the precise, translated refusals
// (missing title or 課, a text over its limit, HTML, a non-https link).
const loose = (limit: number) => z.string().max(limit * 4);
const nominationInputSchema = z.object({
  title: loose(NOMINATION_LIMITS.title).default(''),
  departmentId: z.string().max(100).default(''),
  whatChanged: loose(NOMINATION_LIMITS.whatChanged).default(''),
  effect: loose(NOMINATION_LIMITS.effect).default(''),
  link: loose(NOMINATION_LIMITS.link).optional(),
});
const reviewSchema = z.object({ decision: z.enum(['accept', 'ask-for-more', 'decline']), note: loose(NOMINATION_LIMITS.note).optional() });
const awardSchema = z.object({ fiscalYear: z.number().int().min(1900).max(2200), category: z.enum(AWARD_CATEGORIES) });
const nominationIdSchema = z.uuid();
const yearQuerySchema = z.object({ fiscalYear: z.coerce.number().int().min(1900).max(2200).optional() });
const hrFigureInputSchema = z.object({ fiscalYear: z.number().int().min(1900).max(2200), value: z.number() });

/** 評価・表彰: staff nominate and follow their nominations; デジタル推進課 reviews and awards. */
export function registerProgrammeRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; awards: AwardsService; evaluation: EvaluationService; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const idOf = (req: Request) => parseInput(nominationIdSchema, req.params.nominationId);
  type One = Contract<typeof nominationResponseSchema>;
  type Many = Contract<typeof nominationListSchema>;

  server.post('/api/tab/awards/nominations', handle(async (req, employeeId): Promise<One> => ({ nomination: await deps.awards.nominate(employeeId, parseInput(nominationInputSchema, req.body)) })));
  server.get('/api/tab/awards/nominations/mine', handle(async (_req, employeeId): Promise<Many> => deps.awards.mine(employeeId)));
  server.put(
    '/api/tab/awards/nominations/:nominationId',
    handle(async (req, employeeId): Promise<One> => ({ nomination: await deps.awards.resubmit(employeeId, idOf(req), parseInput(nominationInputSchema, req.body)) })),
  );
  server.get('/api/tab/awards/gallery', handle(async (_req, employeeId): Promise<Contract<typeof gallerySchema>> => deps.awards.gallery(employeeId)));
  server.get('/api/tab/admin/awards/nominations', handle(async (_req, employeeId): Promise<Many> => deps.awards.list(employeeId)));
  server.post(
    '/api/tab/admin/awards/nominations/:nominationId/review',
    handle(async (req, employeeId): Promise<One> => ({ nomination: await deps.awards.review(employeeId, idOf(req), parseInput(reviewSchema, req.body)) })),
  );
  server.post(
    '/api/tab/admin/awards/nominations/:nominationId/award',
    handle(async (req, employeeId): Promise<One> => ({ nomination: await deps.awards.award(employeeId, idOf(req), parseInput(awardSchema, req.body)) })),
  );
  server.post(
    '/api/tab/admin/awards/nominations/:nominationId/publish',
    handle(async (req, employeeId): Promise<Contract<typeof awardPublishedSchema>> => deps.awards.publish(employeeId, idOf(req))),
  );

  // 管理 → 事業評価 (logic-model dashboard) and 人事課's figure for outcome 02.
  server.get(
    '/api/tab/admin/evaluation',
    handle(async (req, employeeId): Promise<Contract<typeof evaluationSchema>> => deps.evaluation.evaluate(employeeId, parseInput(yearQuerySchema, req.query ?? {}).fiscalYear)),
  );
  // 年次報告: the same figures as the dashboard, as an xlsx workbook (summary + one sheet per outcome).
  server.get(
    '/api/tab/admin/evaluation/report.xlsx',
    handle(async (req, employeeId) => {
      const evaluation = await deps.evaluation.evaluate(employeeId, parseInput(yearQuerySchema, req.query ?? {}).fiscalYear);
      const body = await annualReportWorkbook(annualReportSheets(evaluation.fiscalYear, evaluation.outcomes));
      return new FileResponse({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `事業評価_${evaluation.fiscalYear}年度.xlsx`, body });
    }),
  );
  server.put(
    '/api/tab/admin/evaluation/hr-figure',
    handle(async (req, employeeId): Promise<Contract<typeof hrFigureSchema>> => {
      const input = parseInput(hrFigureInputSchema, req.body);
      return { figure: await deps.evaluation.saveHrFigure(employeeId, input.fiscalYear, input.value) };
    }),
  );
}
