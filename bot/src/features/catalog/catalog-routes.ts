import type { Server } from 'restify';
import { z } from 'zod';
import { MINDSET_IDS } from '../../kernel/domain/catalog/mindsets.js';
import { OUTCOME_IDS } from '../../kernel/domain/catalog/outcomes.js';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import type { CatalogService } from './domain/catalog-service.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, parseInput } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Contract } from '../../kernel/http/tab-routes.js';
import type { catalogSchema, programmeTextSchema } from '../skills/skills-api.js';

// Table keys forbid / \ # ?; ids stay readable slugs.
const slugSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and hyphens');
const text = (max: number) => z.object({ ja: z.string().trim().min(1).max(max), en: z.string().trim().max(max) });
const courseSchema = z.object({
  title: text(200),
  description: text(2000),
  provider: z.enum(['digital-promotion', 'hr', 'joint']),
  teaches: z
    .array(z.object({ skillId: z.enum(SKILL_IDS), level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }))
    .max(15),
  mindsets: z.array(z.enum(MINDSET_IDS)).max(3).default([]),
  outcomes: z.array(z.enum(OUTCOME_IDS)).min(1).max(8),
  audience: text(200).optional(),
});
const examSchema = z.object({ name: text(100) });
const subsidySchema = z.object({ body: z.object({ ja: z.string().trim().max(4000), en: z.string().trim().max(4000) }) });

/** The training catalog, the IT exam list and the subsidy text: read by everyone, edited by デジタル推進課. */
export function registerCatalogRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; catalog: CatalogService; log: Logger }): void {
  server.get('/api/tab/catalog', authenticatedRoute(deps, async (): Promise<Contract<typeof catalogSchema>> => deps.catalog.catalog()));
  server.put(
    '/api/tab/admin/courses/:courseId',
    authenticatedRoute(deps, async (req, employeeId) => {
      const id = parseInput(slugSchema, req.params.courseId);
      const course = parseInput(courseSchema, req.body);
      return deps.catalog.saveCourse(employeeId, { id, ...course });
    }),
  );
  server.put(
    '/api/tab/admin/exams/:examId',
    authenticatedRoute(deps, async (req, employeeId) => ({
      exams: await deps.catalog.saveExam(employeeId, { id: parseInput(slugSchema, req.params.examId), ...parseInput(examSchema, req.body) }),
    })),
  );
  server.get('/api/tab/content/exam-subsidy', authenticatedRoute(deps, async (): Promise<Contract<typeof programmeTextSchema>> => deps.catalog.examSubsidy()));
  server.put(
    '/api/tab/admin/content/exam-subsidy',
    authenticatedRoute(deps, async (req, employeeId) => deps.catalog.saveExamSubsidy(employeeId, parseInput(subsidySchema, req.body).body)),
  );
}
