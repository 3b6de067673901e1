import type { Server } from 'restify';
import { z } from 'zod';
import type { CatalogService } from './domain/catalog-service.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, parseInput } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Contract } from '../../kernel/http/tab-routes.js';
import {
  courseInputSchema,
  examInputSchema,
  subsidyInputSchema,
  type catalogSchema,
  type examsSchema,
  type programmeTextSchema,
} from './catalog-api.js';

// Table keys forbid / \ # ?; ids stay readable slugs.
const slugSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and hyphens');
/** The training catalog, the IT exam list and the subsidy text: read by everyone, edited by デジタル推進課. */
export function registerCatalogRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; catalog: CatalogService; log: Logger }): void {
  server.get('/api/tab/catalog', authenticatedRoute(deps, async (): Promise<Contract<typeof catalogSchema>> => deps.catalog.catalog()));
  server.put(
    '/api/tab/admin/courses/:courseId',
    authenticatedRoute(deps, async (req, employeeId) => {
      const id = parseInput(slugSchema, req.params.courseId);
      const course = parseInput(courseInputSchema, req.body);
      return deps.catalog.saveCourse(employeeId, { id, ...course });
    }),
  );
  server.put(
    '/api/tab/admin/exams/:examId',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof examsSchema>> => ({
      exams: await deps.catalog.saveExam(employeeId, { id: parseInput(slugSchema, req.params.examId), ...parseInput(examInputSchema, req.body) }),
    })),
  );
  server.get('/api/tab/content/exam-subsidy', authenticatedRoute(deps, async (): Promise<Contract<typeof programmeTextSchema>> => deps.catalog.examSubsidy()));
  server.put(
    '/api/tab/admin/content/exam-subsidy',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof programmeTextSchema>> =>
      deps.catalog.saveExamSubsidy(employeeId, parseInput(subsidyInputSchema, req.body).body),
    ),
  );
}
