import type { Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../../kernel/domain/errors.js';
import type { SkillService } from './domain/skill-service.js';
import { checkExamPass } from './domain/exam-records.js';
import type { ExamCatalogRepository } from '../../kernel/domain/ports.js';
import type { ExamPassRepository } from './domain/skills-ports.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, localeOfRequest, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { SkillConfirmationService } from './domain/skill-confirmation-service.js';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import { parseInput } from '../../kernel/http/tab-routes.js';
import { confirmationDecisionSchema, examPassInputSchema, saveSkillsInputSchema, type confirmationQueueSchema, type skillTimelineSchema, type examPassesSchema, type myExamsSchema, type mySkillsSchema } from './skills-api.js';


/** マイDXスキル: the caller's own self-assessment only; the employee is the token's oid. */
export function registerSkillRoutes(
  server: Server,
  deps: {
    verifier: () => TabTokenVerifier;
    skills: SkillService;
    confirmations: SkillConfirmationService;
    examPasses: ExamPassRepository;
    exams: ExamCatalogRepository;
    log: Logger;
    now?: () => Date;
  },
): void {
  server.get(
    '/api/tab/skills',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof mySkillsSchema>> => {
      return await deps.skills.getMySkills(employeeId, localeOfRequest(req));
    }),
  );
  server.put(
    '/api/tab/skills',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof mySkillsSchema>> => {
      const parsed = saveSkillsInputSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError('invalid-input', {
          detail: parsed.error.message,
          userMessage: { ja: '送信内容の形式が正しくありません。', en: 'The request is not in the expected format.' },
        });
      }
      return await deps.skills.saveMySkills(employeeId, parsed.data, localeOfRequest(req));
    }),
  );
  server.get(
    '/api/tab/skills/history',
    authenticatedRoute(deps, async (_req, employeeId) => {
      return { changes: await deps.skills.history(employeeId) };
    }),
  );

  server.get(
    '/api/tab/skills/timeline',
    authenticatedRoute(deps, async (_req, employeeId): Promise<Contract<typeof skillTimelineSchema>> => deps.confirmations.timeline(employeeId)),
  );
  // 上司確認: the caller's queue and their decisions; the caller is the token's oid, never an id in the body.
  server.get(
    '/api/tab/skills/confirmations',
    authenticatedRoute(deps, async (_req, employeeId): Promise<Contract<typeof confirmationQueueSchema>> => ({ items: await deps.confirmations.queue(employeeId) })),
  );
  server.post(
    '/api/tab/skills/confirmations/:employeeId/:skillId',
    authenticatedRoute(deps, async (req, callerId) => {
      const input = parseInput(confirmationDecisionSchema, req.body ?? {});
      const skillId = parseInput(z.enum(SKILL_IDS), String(req.params.skillId));
      const decided = await deps.confirmations.decide(callerId, { employeeId: String(req.params.employeeId), skillId, ...input });
      return { status: decided.status, decidedByName: decided.decidedByName, decidedAt: decided.decidedAt };
    }),
  );

  server.get(
    '/api/tab/exams',
    authenticatedRoute(deps, async (_req, employeeId): Promise<Contract<typeof myExamsSchema>> => {
      const [exams, passes] = await Promise.all([deps.exams.list(), deps.examPasses.list(employeeId)]);
      return { exams, passes };
    }),
  );
  server.put(
    '/api/tab/exams/:examId',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof examPassesSchema>> => {
      const parsed = examPassInputSchema.safeParse(req.body);
      if (!parsed.success) throw new AppError('invalid-input', { detail: parsed.error.message });
      const pass = { examId: String(req.params.examId), passedOn: parsed.data.passedOn };
      checkExamPass(pass, (await deps.exams.list()).map((exam) => exam.id), deps.now?.() ?? new Date());
      await deps.examPasses.save(employeeId, pass);
      return { passes: await deps.examPasses.list(employeeId) };
    }),
  );
  server.del(
    '/api/tab/exams/:examId',
    authenticatedRoute(deps, async (req, employeeId): Promise<Contract<typeof examPassesSchema>> => {
      await deps.examPasses.remove(employeeId, String(req.params.examId));
      return { passes: await deps.examPasses.list(employeeId) };
    }),
  );
}
