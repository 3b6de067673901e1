import { randomBytes } from 'node:crypto';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { JOB_LEVELS } from '../../kernel/domain/catalog/job-levels.js';
import type { SurveyService } from './domain/survey-service.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, FileResponse, localeOfRequest, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { roundResponseSchema, startedSchema, surveyResultsSchema, surveyRoundsSchema, surveyTrendSchema } from './survey-api.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';

const roundIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const instantSchema = z.iso.datetime({ offset: true });
const createSchema = z.object({
  id: roundIdSchema.optional(),
  kind: z.enum(['annual', 'pulse']),
  fiscalYear: z.number().int().min(2024).max(2100),
  questionIds: z.array(z.string().trim().min(1).max(32)).max(20).optional(),
  opensAt: instantSchema,
  closesAt: instantSchema,
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('everyone') }),
    z.object({ kind: z.literal('departments'), departmentIds: z.array(z.string().trim().min(1).max(100)).min(1).max(500) }),
    z.object({ kind: z.literal('job-levels'), jobLevels: z.array(z.enum(JOB_LEVELS)).min(1).max(3) }),
  ]),
  reminderDaysBeforeClose: z.array(z.number().int().min(1).max(60)).max(10).optional(),
});

/** アンケート for デジタル推進課: create and start rounds, results (aggregates only), CSV and the yearly trend. */
export function registerSurveyRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; surveys: SurveyService; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const roundIdOf = (req: Request) => parseInput(roundIdSchema, req.params.roundId);

  server.get('/api/tab/admin/surveys', handle(async (_req, employeeId): Promise<Contract<typeof surveyRoundsSchema>> => deps.surveys.listRounds(employeeId)));
  server.get('/api/tab/admin/surveys/trend', handle(async (_req, employeeId): Promise<Contract<typeof surveyTrendSchema>> => ({ trend: await deps.surveys.trend(employeeId) })));
  server.post(
    '/api/tab/admin/surveys',
    handle(async (req, employeeId): Promise<Contract<typeof roundResponseSchema>> => {
      const input = parseInput(createSchema, req.body);
      const id = input.id ?? `fy${input.fiscalYear}-${input.kind}-${randomBytes(3).toString('hex')}`;
      return { round: await deps.surveys.createRound(employeeId, { ...input, id }) };
    }),
  );
  server.post('/api/tab/admin/surveys/:roundId/start', handle(async (req, employeeId): Promise<Contract<typeof startedSchema>> => deps.surveys.startRound(employeeId, roundIdOf(req))));
  server.post('/api/tab/admin/surveys/:roundId/close', handle(async (req, employeeId): Promise<Contract<typeof roundResponseSchema>> => ({ round: await deps.surveys.closeRound(employeeId, roundIdOf(req)) })));
  server.get('/api/tab/admin/surveys/:roundId/results', handle(async (req, employeeId): Promise<Contract<typeof surveyResultsSchema>> => deps.surveys.results(employeeId, roundIdOf(req))));
  server.get(
    '/api/tab/admin/surveys/:roundId/results.csv',
    handle(async (req, employeeId) => {
      const locale = localeOfRequest(req);
      const { round, csv } = await deps.surveys.resultsCsv(employeeId, roundIdOf(req), locale);
      const fileName = locale === 'en' ? `survey-results_${round.id}.csv` : `アンケート結果_${round.id}.csv`;
      return new FileResponse({ contentType: 'text/csv; charset=utf-8', fileName, body: csv });
    }),
  );
}
